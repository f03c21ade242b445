using FamilyPortal.Web.Domain;
using FamilyPortal.Web.Domain.Reservations;

namespace FamilyPortal.Benchmarks;

/// <summary>School year 2026-2027 with the holidays of zone B, and the days on which its activities run.</summary>
internal static class BenchCalendar
{
    public static readonly DateOnly YearStart = new(2026, 9, 1);
    public static readonly DateOnly YearEnd = new(2027, 7, 3);

    public static readonly IReadOnlyList<(DateOnly Start, DateOnly End, string Reason)> Holidays =
    [
        (new(2026, 10, 17), new(2026, 11, 1), "Vacances de la Toussaint"),
        (new(2026, 12, 19), new(2027, 1, 3), "Vacances de Noël"),
        (new(2027, 2, 20), new(2027, 3, 7), "Vacances d'hiver"),
        (new(2027, 4, 17), new(2027, 5, 2), "Vacances de printemps"),
    ];

    /// <summary>A Monday in term, after the Toussaint holidays: the week the grid is timed on.</summary>
    public static readonly DateOnly GridMonday = new(2026, 11, 16);

    public static readonly ServiceDays ActivityDays = ServiceDays.SchoolWeek;

    /// <summary>The days an activity of the year runs: its weekdays, outside holidays and public holidays.</summary>
    public static IReadOnlyList<DateOnly> SchoolDays()
    {
        var days = new List<DateOnly>();
        for (var day = YearStart; day <= YearEnd; day = day.AddDays(1))
        {
            if (ActivityDays.Includes(day.DayOfWeek)
                && !Holidays.Any(h => day >= h.Start && day <= h.End)
                && !FrenchPublicHolidays.IsHoliday(day))
            {
                days.Add(day);
            }
        }
        return days;
    }
}
