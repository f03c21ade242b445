namespace FamilyPortal.Tests.Features.Reservations;

/// <summary>
/// Days of the règlement for the unit tests of the verdict and the basket: by default Monday 16/03/2026,
/// an activity of site 1 served on the school week, booking and cancelling until 2 working days before at 10:00.
/// </summary>
public static class VerdictKit
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static readonly DateOnly Monday = new(2026, 3, 16);

    /// <summary>Thursday 12/03/2026 10:00 Paris (09:00 UTC), the deadline of Monday 16/03.</summary>
    public static readonly DateTimeOffset MondayDeadline = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset BeforeTheDeadline = MondayDeadline.AddHours(-1);

    public const int ActivitySite = 1;

    /// <summary>Weekends and public holidays are not working days.</summary>
    public static bool Working(DateOnly d) =>
        d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchPublicHolidays.IsHoliday(d, HolidayCalendar.Metropole);

    public static DayContext Day(DateOnly? day = null, bool booked = false, BasketLineKind? basket = null,
        int? capacity = null, int taken = 0, string? closure = null, BookingRule? rule = null,
        bool outsideYear = false, int? childSite = null, DateOnly? yearEnd = null) =>
        new()
        {
            Day = day ?? Monday,
            Holidays = HolidayCalendar.Metropole,
            RunsOn = ServiceDays.SchoolWeek,
            Rule = rule ?? new BookingRule(),
            SchoolYearEnd = outsideYear ? null : yearEnd ?? new DateOnly(2026, 7, 3),
            ClosureReason = closure,
            Capacity = capacity,
            Booked = taken,
            ChildHasBooking = booked,
            BasketLine = basket,
            ChildSiteId = childSite,
            ActivitySiteId = ActivitySite,
            IsWorkingDay = Working,
        };

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Verdict ParentBooks(DayContext day, DateTimeOffset now) =>
        BookingVerdict.Judge(day, BookingIntent.Book, Actor.Parent, now, Paris);

    public static Verdict ParentCancels(DayContext day, DateTimeOffset now) =>
        BookingVerdict.Judge(day, BookingIntent.Cancel, Actor.Parent, now, Paris);

    public static Verdict StaffBooks(DayContext day, DateTimeOffset now) =>
        BookingVerdict.Judge(day, BookingIntent.Book, Actor.Staff, now, Paris);

    public static Verdict StaffCancels(DayContext day, DateTimeOffset now) =>
        BookingVerdict.Judge(day, BookingIntent.Cancel, Actor.Staff, now, Paris);

    public static BasketCell Cell(DayContext day, DateTimeOffset now) => BasketCell.Of(day, now, Paris);
}
