namespace FamilyPortal.Web.Features.Reservations;

/// <summary>Builds the weeks shown for one child and a set of activities, with one read of the calendar.</summary>
public sealed class WeekGridBuilder(CalendarLoader calendar, TimeProvider time)
{
    /// <param name="basket">The parent's panier, read for the page already.</param>
    public async Task<IReadOnlyList<WeekGrid>> BuildAsync(
        BasketView basket, Child child, IReadOnlyList<Activity> activities, DateOnly firstMonday, int weeks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(basket);
        var lastDay = firstMonday.AddDays((7 * weeks) - 1);
        var data = await calendar.LoadWithBasketAsync(activities.Select(a => a.Id).ToList(), [child.Id], basket.Cells, firstMonday, lastDay, ct);
        var now = time.GetUtcNow();
        var saturdays = activities.Any(a => a.Days.Includes(DayOfWeek.Saturday));
        var result = new List<WeekGrid>(weeks);
        for (var week = 0; week < weeks; week++)
        {
            var monday = firstMonday.AddDays(7 * week);
            var days = Enumerable.Range(0, saturdays ? 6 : 5).Select(monday.AddDays).ToList();
            var rows = activities.Select(activity => new GridRow(activity, days.Select(day =>
            {
                var cell = BasketCell.Of(data.Context(activity, child, day), now, ParisClock.Zone);
                return new GridCell(day, cell.State, cell.Reason, cell.IsPublicHoliday);
            }).ToList())).ToList();
            result.Add(new WeekGrid(monday, days, rows));
        }
        return result;
    }
}
