namespace FamilyPortal.Web.Features.BookingReminders.Rules;

/// <summary>
/// Who is reminded to book, and when. A week's cut-off for an activity is the booking deadline of its first
/// service day that week: booking before it leaves every day of the week open. A child is reminded of an
/// activity when nothing is booked for it that week and the booking verdict would let a parent book at least
/// one of its days now (the child's site, the inscription when required, the school year, the closures, the
/// opening and the horizon of the règlement, the places).
/// </summary>
public static class BookingReminderRule
{
    /// <summary>The Monday of the week after <paramref name="today"/>'s.</summary>
    public static DateOnly NextWeekStart(DateOnly today) => Deadline.MondayOf(today).AddDays(7);

    public static IEnumerable<DateOnly> WeekOf(DateOnly weekStart) => Enumerable.Range(0, 7).Select(weekStart.AddDays);

    /// <summary>The instant of the week's cut-off, or null when the activity does not run that week.</summary>
    public static DateTimeOffset? WeekCutoff(DateOnly weekStart, ServiceDays runsOn, Deadline bookingDeadline,
        Func<DateOnly, bool> isWorkingDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(bookingDeadline);
        var first = WeekOf(weekStart).Where(d => runsOn.Includes(d.DayOfWeek)).Select(d => (DateOnly?)d).FirstOrDefault();
        return first is { } day ? bookingDeadline.Instant(day, isWorkingDay, zone) : null;
    }

    /// <summary>Reminders go from <paramref name="hoursBefore"/> hours before the cut-off until the cut-off itself.</summary>
    public static bool IsDue(DateTimeOffset now, DateTimeOffset cutoff, int hoursBefore) =>
        now < cutoff && now >= cutoff.AddHours(-hoursBefore);

    /// <param name="week">The days of the week for one child and one activity, as the booking verdict reads them.</param>
    public static bool ShouldRemind(IReadOnlyCollection<DayContext> week, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(week);
        return !week.Any(d => d.ChildHasBooking)
            && week.Any(d => BookingVerdict.Judge(d, BookingIntent.Book, Actor.Parent, now, zone).Allowed);
    }

    /// <summary>Whether the hours typed on the activity form are a lead time the reminder accepts.</summary>
    public static bool IsValidLead(int hours) => hours is >= 1 and <= BookingReminderSettings.MaxHoursBefore;
}
