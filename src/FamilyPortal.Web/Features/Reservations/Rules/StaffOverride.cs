namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>
/// What town-hall staff may do on a family's behalf. Staff pass over the booking and cancellation
/// deadlines and the opening window (a forgotten booking, a sick child), but not over what makes the
/// day impossible: a closure, a public holiday, a day the activity does not run, a day outside the
/// school year — nor over the places, which the database guards for staff as for parents.
/// </summary>
public static class StaffOverride
{
    /// <summary>Null when the day runs (the service takes place), otherwise why not, in French.</summary>
    public static string? WhyNotRunning(DayContext day)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (FrenchPublicHolidays.NameOf(day.Day) is { } holiday)
        {
            return $"jour férié ({holiday})";
        }
        if (day.ClosureReason is { } reason)
        {
            return $"fermé ({reason})";
        }
        if (!day.RunsOn.Includes(day.Day.DayOfWeek))
        {
            return "la prestation n'a pas lieu ce jour-là";
        }
        return day.SchoolYearEnd is null ? "hors année scolaire" : null;
    }

    /// <summary>Null when staff may book the day now (places permitting), otherwise why not.</summary>
    public static string? WhyCannotBook(DayContext day)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.ChildHasBooking)
        {
            return "déjà réservé";
        }
        if (WhyNotRunning(day) is { } notRunning)
        {
            return notRunning;
        }
        return ReservationRules.IsFull(day) ? "complet" : null;
    }

    /// <summary>A cancellation by staff: free within the règlement's deadline, billed (unless justified) after it.</summary>
    public static CancellationKind KindOfCancellation(ReservationRules rules, DayContext day, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.CanCancel(day, now) is null ? CancellationKind.InTime : CancellationKind.Late;
    }

    /// <summary>The status of a booking as the staff pages word it.</summary>
    public static string StatusOf(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (booking.IsActive)
        {
            return "réservée";
        }
        return booking.Cancellation switch
        {
            CancellationKind.Late when booking.CancellationJustified => "annulée hors délai (justifiée)",
            CancellationKind.Late => "annulée hors délai",
            CancellationKind.Closure => "annulée par la collectivité (fermeture)",
            _ => "annulée dans les délais",
        };
    }
}
