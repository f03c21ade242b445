namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>
/// What the verdict needs to know about one activity on one day for one child, gathered by the caller from
/// the database (closures, places, the child's booking and basket line, the sites). The rules stay pure.
/// </summary>
public sealed record DayContext
{
    public required DateOnly Day { get; init; }
    /// <summary>The collectivité's public holidays: métropole, Alsace-Moselle or an overseas department.</summary>
    public required HolidayCalendar Holidays { get; init; }
    public required ServiceDays RunsOn { get; init; }
    public required BookingRule Rule { get; init; }
    /// <summary>The school year the day belongs to, or null when it is outside every published year.</summary>
    public DateOnly? SchoolYearEnd { get; init; }
    /// <summary>A closure of the collectivité, the site or the activity that day; public holidays come from the day itself.</summary>
    public string? ClosureReason { get; init; }
    public int? Capacity { get; init; }
    public int Booked { get; init; }
    public bool ChildHasBooking { get; init; }
    public BasketLineKind? BasketLine { get; init; }
    /// <summary>The child's site; null when the child has none yet.</summary>
    public int? ChildSiteId { get; init; }
    public int ActivitySiteId { get; init; }
    /// <summary>The activity admits only children enrolled for the day's year or period.</summary>
    public bool EnrolmentRequired { get; init; }
    public bool ChildEnrolled { get; init; }
    /// <summary>The day's school year is under « Mise à jour des dossiers » and the child's family has not confirmed its file.</summary>
    public bool FileToConfirm { get; init; }
    /// <summary>The child's rank on the day's waiting list, or null when it is not on it.</summary>
    public int? WaitingRank { get; init; }
    /// <summary>A working day for the « jours ouvrés » count: not a weekend, public holiday or closure.</summary>
    public required Func<DateOnly, bool> IsWorkingDay { get; init; }

    /// <summary>The name shown beside « fermé »: the closure's reason, else the public holiday's name.</summary>
    public string? ClosedFor => ClosureReason ?? PublicHoliday;

    /// <summary>The name of the public holiday that day in the collectivité's calendar, or null.</summary>
    public string? PublicHoliday => FrenchPublicHolidays.NameOf(Day, Holidays);

    public bool IsFull => Capacity is { } capacity && Booked >= capacity;
}

public enum BasketLineKind
{
    Add,
    Cancel,
    /// <summary>Join the waiting list of a « complet » day.</summary>
    Wait,
}
