namespace FamilyPortal.Benchmarks.Load;

/// <param name="Monday">The week the virtual parent opens on the grid: the Monday of the month's first school day.</param>
internal sealed record LoadMonth(DateOnly From, DateOnly To, DateOnly Monday);

/// <summary>
/// The months the virtual parents fill, chosen from the real date since the portal runs on the system
/// clock: the first month that starts at least <see cref="LeadDays"/> days ahead (so every day of it is
/// still before its booking deadline), outside July and August, then the next ones of the same school year.
/// </summary>
internal static class LoadMonths
{
    public const int LeadDays = 10;

    public static (BenchCalendar Calendar, IReadOnlyList<LoadMonth> Months) From(DateOnly today, int count)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        while (first < today.AddDays(LeadDays) || first.Month is 7 or 8)
        {
            first = first.AddMonths(1);
        }
        var calendar = BenchCalendar.Starting(first.Month >= 9 ? first.Year : first.Year - 1);
        var months = new List<LoadMonth>();
        for (var start = first; months.Count < count && start <= calendar.YearEnd && start.Month is not (7 or 8); start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1);
            var to = end < calendar.YearEnd ? end : calendar.YearEnd;
            var firstSchoolDay = Enumerable.Range(0, to.DayNumber - start.DayNumber + 1)
                .Select(start.AddDays).FirstOrDefault(calendar.IsSchoolDay, start);
            months.Add(new LoadMonth(start, to, Deadline.MondayOf(firstSchoolDay)));
        }
        return (calendar, months);
    }
}
