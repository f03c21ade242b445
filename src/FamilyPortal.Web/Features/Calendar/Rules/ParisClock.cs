namespace FamilyPortal.Web.Features.Calendar.Rules;

/// <summary>
/// Europe/Paris, the one home of French time: every deadline is computed and every time shown to a person is
/// written in it, whatever the server's own zone; instants are stored in UTC.
/// </summary>
public static class ParisClock
{
    public const string ZoneId = "Europe/Paris";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTimeOffset ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A UTC instant as stored by the database (its kind is often lost on the way) in Paris time.</summary>
    public static DateTimeOffset ToParis(DateTime utc) =>
        ToParis(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>
    /// A local time that does not exist (the spring change skips 02:00–03:00) moves forward by the gap; a
    /// local time that happens twice (the autumn change repeats 02:00–03:00) takes its first occurrence,
    /// the earlier deadline, so no family is told it may still book after the first 02:30 has passed.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
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
