namespace FamilyPortal.Benchmarks;

/// <summary>
/// A school year with the holidays of zone B, and the days on which its activities run. The benchmark uses
/// 2026-2027; the load scenario needs the school year of its real date, so the same calendar is moved by
/// whole weeks to another year (same weekdays, holidays on about the same weeks).
/// </summary>
internal sealed class BenchCalendar
{
    private static readonly DateOnly ReferenceStart = new(2026, 9, 1);
    private static readonly DateOnly ReferenceEnd = new(2027, 7, 3);

    private static readonly (DateOnly Start, DateOnly End, string Reason)[] ReferenceHolidays =
    [
        (new(2026, 10, 17), new(2026, 11, 1), "Vacances de la Toussaint"),
        (new(2026, 12, 19), new(2027, 1, 3), "Vacances de Noël"),
        (new(2027, 2, 20), new(2027, 3, 7), "Vacances d'hiver"),
        (new(2027, 4, 17), new(2027, 5, 2), "Vacances de printemps"),
    ];

    /// <summary>The benchmark's school year, 2026-2027.</summary>
    public static readonly BenchCalendar Year2026 = Starting(2026);

    /// <summary>A Monday in term, after the Toussaint holidays: the week the benchmark times the grid on.</summary>
    public static readonly DateOnly GridMonday = new(2026, 11, 16);

    public static readonly ServiceDays ActivityDays = ServiceDays.SchoolWeek;

    private BenchCalendar(int startYear, DateOnly end, IReadOnlyList<(DateOnly, DateOnly, string)> holidays)
    {
        StartYear = startYear;
        YearStart = new DateOnly(startYear, 9, 1);
        YearEnd = end;
        Holidays = holidays;
    }

    public int StartYear { get; }
    public DateOnly YearStart { get; }
    public DateOnly YearEnd { get; }
    public IReadOnlyList<(DateOnly Start, DateOnly End, string Reason)> Holidays { get; }

    /// <summary>« 2026-2027 ».</summary>
    public string Label => $"{StartYear}-{StartYear + 1}";

    /// <summary>The school year that starts on 1 September of <paramref name="startYear"/>.</summary>
    public static BenchCalendar Starting(int startYear)
    {
        var days = (int)Math.Round((new DateOnly(startYear, 9, 1).DayNumber - ReferenceStart.DayNumber) / 7.0) * 7;
        return new BenchCalendar(startYear, ReferenceEnd.AddDays(days),
            [.. ReferenceHolidays.Select(h => (h.Start.AddDays(days), h.End.AddDays(days), h.Reason))]);
    }

    public bool Contains(DateOnly day) => day >= YearStart && day <= YearEnd;

    /// <summary>The days an activity of the year runs: its weekdays, outside holidays and public holidays.</summary>
    public IReadOnlyList<DateOnly> SchoolDays()
    {
        var days = new List<DateOnly>();
        for (var day = YearStart; day <= YearEnd; day = day.AddDays(1))
        {
            if (IsSchoolDay(day))
            {
                days.Add(day);
            }
        }
        return days;
    }

    public bool IsSchoolDay(DateOnly day) =>
        Contains(day)
        && ActivityDays.Includes(day.DayOfWeek)
        && !Holidays.Any(h => day >= h.Start && day <= h.End)
        && !FrenchPublicHolidays.IsHoliday(day, HolidayCalendar.Metropole);
}
