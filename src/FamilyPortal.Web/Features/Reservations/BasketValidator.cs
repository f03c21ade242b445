using FamilyPortal.Web.Infrastructure.Observability;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// « Valider »: every line is checked again at this moment (deadline, closure, opening window, eligibility,
/// places, duplicates); the allowed ones are applied together in one transaction, the refused ones stay in
/// the basket with their reason. A second « Valider » of the same basket finds the applied lines gone, so
/// a double click or a retry books nothing twice.
/// </summary>
public sealed class BasketValidator(
    FamilyPortalDbContext db,
    CalendarLoader calendar,
    CapacityGate places,
    DayWaitingList waitingList,
    ReservationEmails emails,
    TimeProvider time,
    PortalMetrics metrics,
    ILogger<BasketValidator> logger)
{
    public sealed record Outcome(long? ValidationId, int Booked, int Cancelled, int Refused)
    {
        /// <summary>Of the refused lines, those refused because the day was full, and because a deadline passed.</summary>
        public (int Full, int Deadline) RefusedFor { get; init; }

        /// <summary>Lines that joined a full day's waiting list.</summary>
        public int Waiting { get; init; }
    }

    private sealed record Line(BasketLine Basket, Child Child, Activity Activity);

    /// <summary>As many « Valider » of one basket at once as a parent can plausibly send (double clicks, tabs).</summary>
    private const int MaxAttempts = 4;

    public async Task<Outcome> ValidateAsync(ParentScope scope, CancellationToken ct)
    {
        Outcome outcome;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                outcome = await db.InTransactionAsync(token => ApplyAsync(scope, token), ct);
                break;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A database that locks rows (not SQLite's single writer) lets several « Valider » of the same basket
                // run side by side: the one that commits after another finds the booking or the basket line taken,
                // and rolls back. Judged again, the lines the other applied are gone from the basket; the rest are
                // applied now, unless a third one got there first again.
            }
        }
        logger.LogInformation("Panier validé pour le compte {AccountId} : {Booked} réservé(s), {Cancelled} annulé(s), {Refused} refusé(s)",
            scope.AccountId, outcome.Booked, outcome.Cancelled, outcome.Refused);
        metrics.BasketLines(MetricOutcomes.Booked, outcome.Booked);
        metrics.BasketLines(MetricOutcomes.Cancelled, outcome.Cancelled);
        metrics.BasketLines(MetricOutcomes.Waiting, outcome.Waiting);
        metrics.BasketLines(MetricOutcomes.RefusedFull, outcome.RefusedFor.Full);
        metrics.BasketLines(MetricOutcomes.RefusedDeadline, outcome.RefusedFor.Deadline);
        metrics.BasketLines(MetricOutcomes.RefusedOther, outcome.Refused - outcome.RefusedFor.Full - outcome.RefusedFor.Deadline);
        return outcome;
    }

    private async Task<Outcome> ApplyAsync(ParentScope scope, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var basket = await db.BasketLines.Where(l => l.AccountId == scope.AccountId)
            .OrderBy(l => l.Date).ThenBy(l => l.ChildId).ThenBy(l => l.ActivityId).ToListAsync(ct);
        if (basket.Count == 0)
        {
            return new Outcome(null, 0, 0, 0);
        }
        var children = await db.Children.AsNoTracking().Where(c => c.FamilyId == scope.FamilyId).ToDictionaryAsync(c => c.Id, ct);
        var activityIds = basket.Select(l => l.ActivityId).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id) && !a.IsArchived).ToDictionaryAsync(a => a.Id, ct);
        var data = await calendar.LoadAsync(activityIds, children.Keys.ToList(), accountId: null, basket[0].Date, basket[^1].Date, ct);
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var applied = new List<Line>();
        var summary = new List<string>();
        var refused = 0;
        var (refusedFull, refusedDeadline) = (0, 0);

        foreach (var line in basket)
        {
            if (!children.TryGetValue(line.ChildId, out var child) || !activities.TryGetValue(line.ActivityId, out var activity))
            {
                Refuse(line, Verdict.NotOffered(Actor.Parent).Message!);
                continue;
            }
            var context = data.Context(activity, child, line.Date);
            var verdict = BookingVerdict.Judge(context, line.Kind.Intent(), Actor.Parent, now, ParisClock.Zone);
            var reason = line.Kind == BasketLineKind.Wait ? await WaitAsync(scope, line, context, verdict, now, ct)
                : !verdict.Allowed ? verdict.Message
                : line.Kind == BasketLineKind.Add ? await BookAsync(scope, line, context, now, ct)
                : await CancelAsync(line, activity, context, now, ct);
            if (reason is not null)
            {
                Refuse(line, reason);
                if (reason == Verdict.Full.Message || verdict.Reason == VerdictReason.Full)
                {
                    refusedFull++;
                }
                else if (verdict.Reason is VerdictReason.BookingDeadlinePassed or VerdictReason.CancellationDeadlinePassed)
                {
                    refusedDeadline++;
                }
                continue;
            }
            db.BasketLines.Remove(line);
            applied.Add(new Line(line, child, activity));
            summary.Add($"{line.Kind switch { BasketLineKind.Add => "Réservé", BasketLineKind.Cancel => "Annulé", _ => "Liste d'attente" }} · {child.FirstName} · {activity.Label} · {FrenchDates.Spelled(line.Date)}");
        }
        foreach (var line in basket.Where(l => l.RefusalReason is not null))
        {
            summary.Add($"Refusé · {children.GetValueOrDefault(line.ChildId)?.FirstName} · {activities.GetValueOrDefault(line.ActivityId)?.Label} · {FrenchDates.Spelled(line.Date)} · {line.RefusalReason}");
        }

        var booked = applied.Count(l => l.Basket.Kind == BasketLineKind.Add);
        var cancelled = applied.Count(l => l.Basket.Kind == BasketLineKind.Cancel);
        var waiting = applied.Count(l => l.Basket.Kind == BasketLineKind.Wait);
        var validation = new BasketValidation
        {
            MunicipalityId = scope.MunicipalityId,
            AccountId = scope.AccountId,
            AtUtc = nowUtc,
            BookedCount = booked,
            CancelledCount = cancelled,
            WaitingCount = waiting,
            RefusedCount = refused,
            Summary = string.Join('\n', summary),
        };
        db.BasketValidations.Add(validation);
        if (applied.Count > 0)
        {
            await emails.ConfirmationAsync(scope, applied.Select(l => (l.Basket.Kind, l.Child, l.Activity, l.Basket.Date)).ToList(), ct);
        }
        await db.SaveChangesAsync(ct);
        return new Outcome(validation.Id, booked, cancelled, refused) { RefusedFor = (refusedFull, refusedDeadline), Waiting = waiting };

        void Refuse(BasketLine line, string reason)
        {
            line.RefusalReason = reason;
            refused++;
        }
    }

    /// <summary>Books an allowed line; null when done, else why not.</summary>
    private async Task<string?> BookAsync(ParentScope scope, BasketLine line, DayContext context, DateTimeOffset now, CancellationToken ct)
    {
        if (!await places.TryTakeAsync(scope.MunicipalityId, line.ActivityId, line.Date, context.Capacity, ct))
        {
            return Verdict.Full.Message;
        }
        db.Bookings.Add(new Booking
        {
            MunicipalityId = scope.MunicipalityId,
            ChildId = line.ChildId,
            ActivityId = line.ActivityId,
            Date = line.Date,
            CreatedAtUtc = now.UtcDateTime,
            CreatedByAccountId = scope.AccountId,
        });
        return null;
    }

    /// <summary>
    /// « Liste d'attente » of a day that was full: booked if a place has freed since, else on the list; null
    /// when done, else why not (the deadline passed, the child is not enrolled…).
    /// </summary>
    private async Task<string?> WaitAsync(ParentScope scope, BasketLine line, DayContext context, Verdict verdict, DateTimeOffset now, CancellationToken ct)
    {
        if (verdict.Allowed && await BookAsync(scope, line, context, now, ct) is null)
        {
            line.Kind = BasketLineKind.Add;
            return null;
        }
        if (!verdict.Allowed && verdict.Reason != VerdictReason.Full)
        {
            return verdict.Message;
        }
        await waitingList.JoinAsync(scope, line.ChildId, line.ActivityId, line.Date, ct);
        return null;
    }

    /// <summary>Cancels an allowed line, the freed place going to the day's waiting list; null when done, else why not.</summary>
    private async Task<string?> CancelAsync(BasketLine line, Activity activity, DayContext context, DateTimeOffset now, CancellationToken ct)
    {
        // Conditional on « still active », so two cancellations of one booking give its place back once.
        var cancelled = await db.Bookings
            .Where(b => b.ChildId == line.ChildId && b.ActivityId == line.ActivityId && b.Date == line.Date && b.CancelledAtUtc == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(b => b.CancelledAtUtc, now.UtcDateTime)
                .SetProperty(b => b.Cancellation, CancellationKind.InTime)
                .SetProperty(b => b.CancelledByAccountId, line.AccountId), ct);
        if (cancelled == 0)
        {
            return Verdict.NothingToCancel.Message;
        }
        await places.GiveBackAsync(line.ActivityId, line.Date, ct);
        await waitingList.PromoteAsync(activity, line.Date, context, ct);
        return null;
    }
}
