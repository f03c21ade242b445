using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// Booking and cancelling on a family's behalf, past the deadlines, with a reason. Each action runs in one
/// transaction: the bookings, their places taken or given back through the same <see cref="CapacityGate"/>
/// as the parents' « Valider », the email to the family, and (through the journal) the record of who did it.
/// A refused action writes nothing.
/// </summary>
public sealed class StaffBookings(
    FamilyPortalDbContext db,
    CalendarLoader calendar,
    CapacityGate places,
    DayWaitingList waitingList,
    EmailOutbox outbox,
    PublicLinks links,
    TimeProvider time)
{
    /// <summary>The staff member acting, and their collectivité.</summary>
    public sealed record Staff(string AccountId, int MunicipalityId, string MunicipalityName);

    public sealed record BookRequest(int ActivityId, DateOnly From, DateOnly To, string Reason);

    /// <summary>The form field a refusal belongs to.</summary>
    public enum Field
    {
        Activity,
        Dates,
        Bookings,
    }

    public sealed record Refusal(Field Field, string Message);

    /// <param name="Done">The days booked, or the bookings cancelled.</param>
    /// <param name="Skipped">Days of a period on which the activity does not run, or already booked, with why.</param>
    public sealed record Outcome(IReadOnlyList<string> Done, IReadOnlyList<string> Skipped, Refusal? Refused)
    {
        public static Outcome Refuse(Field field, string message) => new([], [], new Refusal(field, message));
    }

    private sealed class RefusedException(Refusal refusal) : Exception(refusal.Message)
    {
        public Refusal Refusal { get; } = refusal;
    }

    /// <summary>
    /// Books every day of the period on which the activity runs (one day: that day or a refusal). Days
    /// without service and days already booked in a period are skipped and listed; a day without a place
    /// left refuses the whole request, so that staff decide what to do rather than find half of it done.
    /// </summary>
    public async Task<Outcome> BookAsync(Staff staff, Child child, BookRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(request);
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.ActivityId, ct);
        if (activity is null)
        {
            return Outcome.Refuse(Field.Activity, "Choisissez la prestation dans la liste.");
        }
        if (activity.IsArchived)
        {
            return Outcome.Refuse(Field.Activity, "Cette prestation est archivée : elle ne peut plus être réservée.");
        }
        if (!BookingVerdict.IsOffered(child.SiteId, activity.SiteId))
        {
            return Outcome.Refuse(Field.Activity, Verdict.NotOffered(Actor.Staff).Message!);
        }
        return await RunAsync(token => BookDaysAsync(staff, child, activity, request, token), ct);
    }

    private async Task<Outcome> BookDaysAsync(Staff staff, Child child, Activity activity, BookRequest request, CancellationToken ct)
    {
        var data = await calendar.LoadAsync([activity.Id], [child.Id], accountId: null, request.From, request.To, ct);
        var now = time.GetUtcNow();
        var single = request.From == request.To;
        var booked = new List<DateOnly>();
        var skipped = new List<string>();
        for (var day = request.From; day <= request.To; day = day.AddDays(1))
        {
            var context = data.Context(activity, child, day);
            var verdict = BookingVerdict.Judge(context, BookingIntent.Book, Actor.Staff, now, ParisClock.Zone);
            if (verdict.Reason == VerdictReason.Full)
            {
                throw NoPlaceLeft(activity, day, context.Capacity);
            }
            if (!verdict.Allowed)
            {
                if (single)
                {
                    throw Refused(Field.Dates, verdict.Reason == VerdictReason.AlreadyBooked
                        ? $"{child.FirstName} a déjà une réservation le {FrenchDates.Spelled(day)} pour {activity.Label}."
                        : $"Réservation impossible le {FrenchDates.Spelled(day)} : {verdict.Message}.");
                }
                // In a period, the weekdays the activity never runs are simply not asked for.
                if (activity.Days.Includes(day.DayOfWeek))
                {
                    skipped.Add($"{FrenchDates.Spelled(day)} ({verdict.Message})");
                }
                continue;
            }
            if (!await places.TryTakeAsync(staff.MunicipalityId, activity.Id, day, context.Capacity, ct))
            {
                throw NoPlaceLeft(activity, day, context.Capacity);
            }
            db.Bookings.Add(new Booking
            {
                MunicipalityId = staff.MunicipalityId,
                ChildId = child.Id,
                ActivityId = activity.Id,
                Date = day,
                CreatedAtUtc = now.UtcDateTime,
                CreatedByAccountId = staff.AccountId,
                StaffReason = request.Reason,
            });
            booked.Add(day);
        }
        if (booked.Count == 0)
        {
            throw Refused(Field.Dates, $"Aucun jour à réserver du {FrenchDates.Numeric(request.From)} au {FrenchDates.Numeric(request.To)} : "
                + (skipped.Count == 0 ? "la prestation n'a pas lieu ces jours-là." : string.Join(", ", skipped) + "."));
        }
        var lines = booked.Select(d => $"• {activity.Label} – {FrenchDates.Spelled(d)}").ToList();
        await EmailFamilyAsync(staff, child, $"Réservation faite par la mairie – {staff.MunicipalityName}",
            $"La mairie a réservé pour {child.FirstName} :\n{string.Join('\n', lines)}", request.Reason, ct);
        await db.SaveChangesAsync(ct);
        return new Outcome(booked.Select(FrenchDates.Spelled).ToList(), skipped, null);
    }

    /// <summary>
    /// Cancels bookings of the child: free within the règlement's cancellation deadline (<see cref="CancellationKind.InTime"/>),
    /// billed unless justified after it (<see cref="CancellationKind.Late"/>); the places are given back either way.
    /// Null when a booking is not one of this child's (a forged request).
    /// </summary>
    public async Task<Outcome?> CancelAsync(Staff staff, Child child, IReadOnlyCollection<long> bookingIds, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(bookingIds);
        var ids = bookingIds.Distinct().ToList();
        var known = await db.Bookings.CountAsync(b => b.ChildId == child.Id && ids.Contains(b.Id), ct);
        if (known != ids.Count)
        {
            return null;
        }
        return await RunAsync(token => CancelBookingsAsync(staff, child, ids, reason, token), ct);
    }

    private async Task<Outcome> CancelBookingsAsync(Staff staff, Child child, List<long> ids, string reason, CancellationToken ct)
    {
        var bookings = await db.Bookings.Where(b => b.ChildId == child.Id && ids.Contains(b.Id))
            .OrderBy(b => b.Date).ThenBy(b => b.ActivityId).ToListAsync(ct);
        var activityIds = bookings.Select(b => b.ActivityId).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var data = await calendar.LoadAsync(activityIds, [child.Id], accountId: null, bookings[0].Date, bookings[^1].Date, ct);
        var now = time.GetUtcNow();
        var lines = new List<string>();
        foreach (var booking in bookings)
        {
            var activity = activities[booking.ActivityId];
            var verdict = BookingVerdict.Judge(data.Context(activity, child, booking.Date), BookingIntent.Cancel, Actor.Staff, now, ParisClock.Zone);
            if (!booking.IsActive || !verdict.Allowed)
            {
                throw Refused(Field.Bookings,
                    $"La réservation du {FrenchDates.Spelled(booking.Date)} ({activity.Label}) est déjà annulée : la liste a été mise à jour.");
            }
            // Staff may cancel past the deadline; the family then pays the day unless the town hall accepts a justification.
            var kind = verdict.Reason == VerdictReason.CancellationDeadlinePassed ? CancellationKind.Late : CancellationKind.InTime;
            booking.CancelledAtUtc = now.UtcDateTime;
            booking.Cancellation = kind;
            booking.CancelledByAccountId = staff.AccountId;
            booking.CancellationReason = reason;
            await places.GiveBackAsync(booking.ActivityId, booking.Date, ct);
            await waitingList.PromoteAsync(activity, booking.Date, data.Context(activity, child, booking.Date), ct);
            lines.Add($"• {activity.Label} – {FrenchDates.Spelled(booking.Date)}"
                + (kind == CancellationKind.Late ? " (hors délai : reste facturée sauf justificatif accepté par la mairie)" : " (sans frais)"));
        }
        await EmailFamilyAsync(staff, child, $"Réservation annulée par la mairie – {staff.MunicipalityName}",
            $"La mairie a annulé pour {child.FirstName} :\n{string.Join('\n', lines)}", reason, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refused(Field.Bookings, "Une de ces réservations vient d'être annulée par ailleurs : la liste a été mise à jour.");
        }
        return new Outcome(lines, [], null);
    }

    /// <summary>One transaction; a refusal rolls it back (places included) and leaves nothing tracked.</summary>
    private async Task<Outcome> RunAsync(Func<CancellationToken, Task<Outcome>> work, CancellationToken ct)
    {
        try
        {
            return await db.InTransactionAsync(work, ct);
        }
        catch (RefusedException refused)
        {
            db.ChangeTracker.Clear();
            return new Outcome([], [], refused.Refusal);
        }
        catch (DbUpdateException)
        {
            // The unique index on an active booking: someone booked the same day in the meantime.
            db.ChangeTracker.Clear();
            return Outcome.Refuse(Field.Dates, "Une réservation de ces jours vient d'être faite par ailleurs : vérifiez la liste et recommencez.");
        }
    }

    private static RefusedException Refused(Field field, string message) => new(new Refusal(field, message));

    /// <summary>A day without a place refuses the whole request, so that staff decide rather than find half of it done.</summary>
    private static RefusedException NoPlaceLeft(Activity activity, DateOnly day, int? capacity) =>
        Refused(Field.Dates,
            $"Plus de place le {FrenchDates.Spelled(day)} pour {activity.Label} (complet : {capacity} place(s) ce jour-là). Aucune réservation n'a été faite.");

    private async Task EmailFamilyAsync(Staff staff, Child child, string subject, string changes, string reason, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().Where(f => f.Id == child.FamilyId)
            .Select(f => new { f.Email, f.HouseholdName }).SingleAsync(ct);
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = family.Email,
            ToName = family.HouseholdName,
            Subject = subject,
            Paragraphs = [changes, $"Motif : {reason}"],
            Action = new EmailLink("Voir mes réservations", links.Absolute("/reservations")),
            MunicipalityId = staff.MunicipalityId,
            MunicipalityName = staff.MunicipalityName,
        });
    }
}
