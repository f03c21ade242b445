namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>
/// The one answer to « may this child have this activity on this day — or give it up — and if not, why »,
/// asked by the grid, the basket, « Valider », staff bookings and the tableau de bord. Parents are held to
/// the règlement: the opening, the horizon and the deadlines, computed in the collectivité's zone. Staff
/// pass over those (a forgotten booking, a sick child) but not over what makes the day impossible: a
/// closure, a public holiday, a day the activity does not run, a day outside the school year, nor the
/// places. Parents also need the child's inscription when the activity requires one. The verdict decides what is offered; the database's capacity gate still has the last word on places.
/// </summary>
public static class BookingVerdict
{
    public static Verdict Judge(DayContext day, BookingIntent intent, Actor actor, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(zone);
        return intent == BookingIntent.Cancel ? Cancel(day, actor, now, zone) : Book(day, actor, now, zone);
    }

    /// <summary>A child without a site yet may have any site's activities; otherwise only its own site's.</summary>
    public static bool IsOffered(int? childSiteId, int activitySiteId) => childSiteId is null || childSiteId == activitySiteId;

    private static Verdict Book(DayContext day, Actor actor, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!IsOffered(day.ChildSiteId, day.ActivitySiteId))
        {
            return Verdict.NotOffered(actor);
        }
        if (day.ChildHasBooking)
        {
            return Verdict.AlreadyBooked;
        }
        if (WithoutService(day, actor) is { } closed)
        {
            return closed;
        }
        // Staff may book a child the enrolment has not reached yet; parents need the inscription.
        if (actor == Actor.Parent && day.EnrolmentRequired && !day.ChildEnrolled)
        {
            return Verdict.NotEnrolled;
        }
        // The yearly update binds parents; staff booking for a family keep the file as the town hall holds it.
        if (actor == Actor.Parent && day.FileToConfirm)
        {
            return Verdict.FileToConfirm;
        }
        if (day.SchoolYearEnd is not { } yearEnd)
        {
            return Verdict.OutsideSchoolYear;
        }
        var parentsRule = BookingWindow(day, yearEnd, now, zone);
        if (parentsRule is not null && actor == Actor.Parent)
        {
            return parentsRule;
        }
        if (day.IsFull)
        {
            return Verdict.Full;
        }
        return parentsRule?.PassedOverByStaff() ?? Verdict.Yes;
    }

    private static Verdict Cancel(DayContext day, Actor actor, DateTimeOffset now, TimeZoneInfo zone)
    {
        // Staff undo any booking the child holds, even of a site the child has left since.
        if (actor == Actor.Parent && !IsOffered(day.ChildSiteId, day.ActivitySiteId))
        {
            return Verdict.NotOffered(actor);
        }
        if (!day.ChildHasBooking)
        {
            return Verdict.NothingToCancel;
        }
        var deadline = day.Rule.CancellationDeadline.Instant(day.Day, day.IsWorkingDay, zone);
        if (now < deadline)
        {
            return Verdict.Yes;
        }
        var late = Verdict.Refuse(VerdictReason.CancellationDeadlinePassed, $"délai d'annulation dépassé le {When(deadline, zone)}");
        return actor == Actor.Staff ? late.PassedOverByStaff() : late;
    }

    /// <summary>Staff name each cause; parents read « fermé » with the closure's or the holiday's name.</summary>
    private static Verdict? WithoutService(DayContext day, Actor actor)
    {
        var holiday = day.PublicHoliday;
        var served = day.RunsOn.Includes(day.Day.DayOfWeek);
        if (actor == Actor.Parent)
        {
            return (day.ClosureReason, holiday, served) switch
            {
                ({ } closure, _, _) => Verdict.Refuse(VerdictReason.Closure, $"fermé ({closure})"),
                (null, { } name, _) => Verdict.Refuse(VerdictReason.PublicHoliday, $"fermé ({name})"),
                (null, null, false) => Verdict.Refuse(VerdictReason.NotServed, "fermé"),
                _ => null,
            };
        }
        return (holiday, day.ClosureReason, served) switch
        {
            ({ } name, _, _) => Verdict.Refuse(VerdictReason.PublicHoliday, $"jour férié ({name})"),
            (null, { } closure, _) => Verdict.Refuse(VerdictReason.Closure, $"fermé ({closure})"),
            (null, null, false) => Verdict.Refuse(VerdictReason.NotServed, "la prestation n'a pas lieu ce jour-là"),
            _ => null,
        };
    }

    /// <summary>The parents' window: not before the opening, not beyond the horizon, not past the booking deadline.</summary>
    private static Verdict? BookingWindow(DayContext day, DateOnly yearEnd, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (day.Rule.OpensAtUtc is { } opens && now.UtcDateTime < opens)
        {
            var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(opens, TimeSpan.Zero), zone);
            return Verdict.Refuse(VerdictReason.NotOpenYet, $"réservations ouvertes à partir du {local:dd/MM/yyyy} à {local:HH\\:mm}");
        }
        if (day.Day > day.Rule.LastBookableDay(ParisClock.Today(now, zone), yearEnd))
        {
            return Verdict.Refuse(VerdictReason.BeyondHorizon, "trop tôt pour réserver ce jour");
        }
        var deadline = day.Rule.BookingDeadline.Instant(day.Day, day.IsWorkingDay, zone);
        return now >= deadline
            ? Verdict.Refuse(VerdictReason.BookingDeadlinePassed, $"délai dépassé le {When(deadline, zone)}")
            : null;
    }

    /// <summary>« 12/03 à 10:00 » in the collectivité's zone.</summary>
    private static string When(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local:dd/MM} à {local:HH\\:mm}";
    }
}
