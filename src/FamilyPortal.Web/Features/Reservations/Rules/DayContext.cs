namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>
/// What the rules need to know about one activity on one day, gathered by the caller from the database
/// (closures, places, the child's booking and basket line). The rules themselves stay pure.
/// </summary>
public sealed record DayContext
{
    public required DateOnly Day { get; init; }
    public required ServiceDays RunsOn { get; init; }
    public required BookingRule Rule { get; init; }
    /// <summary>The school year the day belongs to, or null when it is outside every published year.</summary>
    public DateOnly? SchoolYearEnd { get; init; }
    public string? ClosureReason { get; init; }
    public int? Capacity { get; init; }
    public int Booked { get; init; }
    public bool ChildHasBooking { get; init; }
    public BasketLineKind? BasketLine { get; init; }
    /// <summary>A working day for the « jours ouvrés » count: not a weekend, public holiday or closure.</summary>
    public required Func<DateOnly, bool> IsWorkingDay { get; init; }
}

public enum BasketLineKind
{
    Add,
    Cancel,
}
