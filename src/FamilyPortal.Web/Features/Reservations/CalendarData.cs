namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// Everything the règlement needs for some activities over a range of days, read once from the database
/// (closures, places, the children's bookings and basket lines), then asked day by day without queries.
/// </summary>
public sealed class CalendarData
{
    /// <summary>The collectivité's public holidays.</summary>
    public required HolidayCalendar Holidays { get; init; }
    public required IReadOnlyList<SchoolYear> SchoolYears { get; init; }
    public required IReadOnlyList<Closure> Closures { get; init; }
    public required IReadOnlyDictionary<(int ActivityId, DateOnly Date), int> CapacityOverrides { get; init; }
    public required IReadOnlyDictionary<(int ActivityId, DateOnly Date), int> Loads { get; init; }
    public required IReadOnlySet<(int ChildId, int ActivityId, DateOnly Date)> Bookings { get; init; }
    public required IReadOnlyDictionary<(int ChildId, int ActivityId, DateOnly Date), BasketLineKind> Basket { get; init; }
    /// <summary>The inscriptions held by the children at activities that require one, as ranges of days.</summary>
    public required ILookup<(int ChildId, int ActivityId), (DateOnly Start, DateOnly End)> Enrolments { get; init; }

    /// <summary>The ranks of the children on the waiting lists of the days read.</summary>
    public required IReadOnlyDictionary<(int ChildId, int ActivityId, DateOnly Date), int> WaitingRanks { get; init; }

    /// <summary>The families' confirmations of their file, per school year under « Mise à jour des dossiers ».</summary>
    public required IReadOnlySet<(int FamilyId, int SchoolYearId)> FileConfirmations { get; init; }

    /// <summary>The day falls in a school year under update that the child's family has not confirmed.</summary>
    public bool FileToConfirm(Child? child, DateOnly day) =>
        child is not null
        && SchoolYears.FirstOrDefault(y => y.Contains(day)) is { FileUpdateRequired: true } year
        && !FileConfirmations.Contains((child.FamilyId, year.Id));

    public bool IsEnrolled(Activity activity, Child? child, DateOnly day) =>
        child is not null && Enrolments[(child.Id, activity.Id)].Any(range => day >= range.Start && day <= range.End);

    /// <summary>The reason of a closure covering the activity that day (public holidays are not stored closures).</summary>
    public string? ClosureOf(Activity activity, DateOnly day) =>
        Closures.FirstOrDefault(c => c.Covers(day, activity.Id, activity.SiteId))?.Reason;

    public bool IsWorkingDay(Activity activity, DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !FrenchPublicHolidays.IsHoliday(day, Holidays)
        && ClosureOf(activity, day) is null;

    public int? CapacityOf(Activity activity, DateOnly day) =>
        CapacityOverrides.TryGetValue((activity.Id, day), out var capacity) ? capacity : activity.Capacity;

    /// <param name="child">Null asks for one more child, not booked yet, of any site (the tableau de bord's question).</param>
    public DayContext Context(Activity activity, Child? child, DateOnly day) => new()
    {
        Day = day,
        Holidays = Holidays,
        RunsOn = activity.Days,
        Rule = activity.Rule,
        SchoolYearEnd = SchoolYears.FirstOrDefault(y => y.Contains(day))?.EndDate,
        ClosureReason = ClosureOf(activity, day),
        Capacity = CapacityOf(activity, day),
        Booked = Loads.GetValueOrDefault((activity.Id, day)),
        ChildHasBooking = child is not null && Bookings.Contains((child.Id, activity.Id, day)),
        BasketLine = child is not null && Basket.TryGetValue((child.Id, activity.Id, day), out var kind) ? kind : null,
        ChildSiteId = child?.SiteId,
        ActivitySiteId = activity.SiteId,
        EnrolmentRequired = activity.Enrolment.Required,
        ChildEnrolled = activity.Enrolment.Required && IsEnrolled(activity, child, day),
        FileToConfirm = FileToConfirm(child, day),
        WaitingRank = child is not null && WaitingRanks.TryGetValue((child.Id, activity.Id, day), out var rank) ? rank : null,
        IsWorkingDay = d => IsWorkingDay(activity, d),
    };
}
