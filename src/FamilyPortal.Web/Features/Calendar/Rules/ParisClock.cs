namespace FamilyPortal.Web.Features.Calendar.Rules;

/// <summary>Local times of the règlement turned into instants, across the daylight-saving changes.</summary>
public static class ParisClock
{
    /// <summary>
    /// A local time that does not exist (the spring change skips 02:00–03:00) moves forward by the gap; a
    /// local time that happens twice (the autumn change repeats 02:00–03:00) takes its first occurrence,
    /// the earlier deadline, so no family is told it may still book after the first 02:30 has passed.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            var shifted = unspecified.AddHours(1);
            return new DateTimeOffset(shifted, zone.GetUtcOffset(shifted));
        }
        if (zone.IsAmbiguousTime(unspecified))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(unspecified);
            return new DateTimeOffset(unspecified, offsets.Max());
        }
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
}
