namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// Everything the règlement needs for some activities over a range of days, read once from the database
/// (closures, places, the children's bookings and basket lines), then asked day by day without queries.
/// </summary>
public sealed class CalendarData
{
    public required IReadOnlyList<SchoolYear> SchoolYears { get; init; }
    public required IReadOnlyList<Closure> Closures { get; init; }
    public required IReadOnlyDictionary<(int ActivityId, DateOnly Date), int> CapacityOverrides { get; init; }
    public required IReadOnlyDictionary<(int ActivityId, DateOnly Date), int> Loads { get; init; }
    public required IReadOnlySet<(int ChildId, int ActivityId, DateOnly Date)> Bookings { get; init; }
    public required IReadOnlyDictionary<(int ChildId, int ActivityId, DateOnly Date), BasketLineKind> Basket { get; init; }

    public string? ClosureReason(Activity activity, DateOnly day) =>
        Closures.FirstOrDefault(c => c.Covers(day, activity.Id, activity.SiteId))?.Reason
        ?? FrenchPublicHolidays.NameOf(day);

    public bool IsWorkingDay(Activity activity, DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && ClosureReason(activity, day) is null;

    public int? CapacityOf(Activity activity, DateOnly day) =>
        CapacityOverrides.TryGetValue((activity.Id, day), out var capacity) ? capacity : activity.Capacity;

    public DayContext Context(Activity activity, int childId, DateOnly day) => new()
    {
        Day = day,
        RunsOn = activity.Days,
        Rule = activity.Rule,
        SchoolYearEnd = SchoolYears.FirstOrDefault(y => y.Contains(day))?.EndDate,
        ClosureReason = ClosureReason(activity, day),
        Capacity = CapacityOf(activity, day),
        Booked = Loads.GetValueOrDefault((activity.Id, day)),
        ChildHasBooking = Bookings.Contains((childId, activity.Id, day)),
        BasketLine = Basket.TryGetValue((childId, activity.Id, day), out var kind) ? kind : null,
        IsWorkingDay = d => IsWorkingDay(activity, d),
    };
}
