namespace FamilyPortal.Web.Features.Attestations.Rules;

/// <summary>
/// The attestation de présence: the days a child was booked, and not cancelled, per activity over a period.
/// Attendance is not taken in the portal yet: when pointage exists, the days marked present replace the bookings
/// here (the caller passes the marked days instead of the booked ones; the grouping stays).
/// </summary>
public static class Presence
{
    /// <summary>At most a year and a day, so that one attestation stays readable.</summary>
    public const int MaxDays = 366;

    public sealed record BookedDay(int ActivityId, string Activity, DateOnly Date);

    public sealed record ActivityDays(string Activity, IReadOnlyList<DateOnly> Dates);

    /// <summary>The French message for a wrong period; null when it can be attested.</summary>
    public static (string Field, string Message)? CheckPeriod(DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (from is null)
        {
            return ("From", "Saisissez la date de début de la période, par exemple 01/09/2026.");
        }
        if (to is null)
        {
            return ("To", "Saisissez la date de fin de la période, par exemple 31/10/2026.");
        }
        if (to < from)
        {
            return ("To", "La date de fin doit être le jour de début ou après.");
        }
        if (to > today)
        {
            return ("To", "La période attestée doit être passée : choisissez une date de fin au plus tard aujourd'hui.");
        }
        if (to.Value.DayNumber - from.Value.DayNumber + 1 > MaxDays)
        {
            return ("To", "La période attestée ne peut pas dépasser un an : faites une attestation par année.");
        }
        return null;
    }

    /// <summary>Per activity (by label), the distinct days in order.</summary>
    public static IReadOnlyList<ActivityDays> Group(IEnumerable<BookedDay> days) =>
        days.GroupBy(d => d.ActivityId)
            .Select(g => new ActivityDays(g.First().Activity, g.Select(d => d.Date).Distinct().Order().ToList()))
            .OrderBy(a => a.Activity, StringComparer.Ordinal).ToList();
}
