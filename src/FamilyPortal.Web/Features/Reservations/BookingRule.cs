namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// The règlement of an activity: until when a day may be booked or cancelled, and how far ahead the
/// families may book. Cancelling later than booking is common (e.g. book 7 days before, cancel 2).
/// </summary>
public sealed record BookingRule
{
    public Deadline BookingDeadline { get; init; } = Deadline.DaysBeforeAt(2, new TimeOnly(10, 0), workingDays: true);
    public Deadline CancellationDeadline { get; init; } = Deadline.DaysBeforeAt(2, new TimeOnly(10, 0), workingDays: true);
    /// <summary>Opening of registrations (UTC); null means open as soon as the school year is published.</summary>
    public DateTime? OpensAtUtc { get; init; }
    /// <summary>How many weeks ahead of today a family may book; null means to the end of the school year.</summary>
    public int? HorizonWeeks { get; init; }

    /// <summary>The last day that may be booked today: the horizon, or the end of the school year.</summary>
    public DateOnly LastBookableDay(DateOnly today, DateOnly schoolYearEnd)
    {
        if (HorizonWeeks is not { } weeks)
        {
            return schoolYearEnd;
        }
        var horizon = today.AddDays(weeks * 7);
        return horizon < schoolYearEnd ? horizon : schoolYearEnd;
    }
}
