using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// Staff decisions on inscriptions, one by one or in bulk, each in one transaction with the places it takes
/// or frees, the promotions from the waiting list that follow, and the emails. Also the expiry of offers.
/// </summary>
public sealed class EnrolmentDecisions(
    FamilyPortalDbContext db,
    EnrolmentGate gate,
    EnrolmentPromotion promotion,
    EnrolmentEmails emails,
    TimeProvider time)
{
    public sealed record Outcome(int Enrolled, int Waiting, int Refused, int Withdrawn);

    /// <summary>Accepts pending requests: each takes a place, or joins the waiting list when none is left.</summary>
    public Task<Outcome> AcceptAsync(IReadOnlyCollection<int> ids, string staffAccountId, CancellationToken ct) =>
        DecideAsync(ids, [EnrolmentState.Pending], async (enrolment, activity, now, token) =>
        {
            if (await gate.TryTakeAsync(activity.MunicipalityId, activity.Id, enrolment.StartDate, activity.Enrolment.Capacity, token))
            {
                enrolment.State = EnrolmentState.Enrolled;
                await emails.DecisionAsync(enrolment, null, token);
                return;
            }
            enrolment.State = EnrolmentState.Waiting;
            enrolment.WaitingSinceUtc = now;
            await db.SaveChangesAsync(token);
            await emails.DecisionAsync(enrolment, await promotion.RankAsync(enrolment, token), token);
        }, staffAccountId, ct);

    /// <summary>Refuses requests with a reason; an inscription or offer refused frees its place for the waiting list.</summary>
    public Task<Outcome> RefuseAsync(IReadOnlyCollection<int> ids, string reason, string staffAccountId, CancellationToken ct) =>
        DecideAsync(ids, [EnrolmentState.Pending, EnrolmentState.Waiting, EnrolmentState.Enrolled, EnrolmentState.Offered],
            (enrolment, activity, now, token) => EndAsync(enrolment, activity, EnrolmentState.Refused, reason, token), staffAccountId, ct);

    /// <summary>Staff withdraw an inscription (the child leaves): its place goes to the waiting list.</summary>
    public Task<Outcome> WithdrawAsync(IReadOnlyCollection<int> ids, string staffAccountId, CancellationToken ct) =>
        DecideAsync(ids, [EnrolmentState.Pending, EnrolmentState.Waiting, EnrolmentState.Enrolled, EnrolmentState.Offered],
            (enrolment, activity, now, token) => EndAsync(enrolment, activity, EnrolmentState.Withdrawn, null, token), staffAccountId, ct);

    /// <summary>
    /// Places added (a larger capacity, automatic acceptance switched on) go to the waiting list of every year or
    /// period not ended yet.
    /// </summary>
    public Task<int> FillFreedPlacesAsync(int activityId, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == activityId, token);
            var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
            var starts = await db.Enrolments.Where(e => e.ActivityId == activityId && e.State == EnrolmentState.Waiting && e.EndDate >= today)
                .Select(e => e.StartDate).Distinct().ToListAsync(token);
            var promoted = 0;
            foreach (var start in starts)
            {
                promoted += (await promotion.FillAsync(activity, start, token)).Count;
            }
            await db.SaveChangesAsync(token);
            return promoted;
        }, ct);

    /// <summary>
    /// Offers not accepted in time go to the next child of the list; the child who let it lapse keeps nothing.
    /// Runs for the collectivité the context works on.
    /// </summary>
    public Task<int> ExpireOffersAsync(CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var now = time.GetUtcNow().UtcDateTime;
            var lapsed = await db.Enrolments.Where(e => e.State == EnrolmentState.Offered && e.OfferExpiresAtUtc <= now).ToListAsync(token);
            foreach (var enrolment in lapsed)
            {
                var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == enrolment.ActivityId, token);
                await EndAsync(enrolment, activity, EnrolmentState.Withdrawn, null, token);
                enrolment.DecidedAtUtc = now;
            }
            await db.SaveChangesAsync(token);
            return lapsed.Count;
        }, ct);

    private async Task EndAsync(Enrolment enrolment, Activity activity, EnrolmentState state, string? reason, CancellationToken ct)
    {
        var heldPlace = enrolment.State.HoldsPlace();
        enrolment.State = state;
        enrolment.RefusalReason = reason;
        (enrolment.WaitingSinceUtc, enrolment.OfferExpiresAtUtc) = (null, null);
        await emails.DecisionAsync(enrolment, null, ct);
        if (heldPlace)
        {
            // The decision is saved first, so the list read by the promotion no longer holds this request.
            await db.SaveChangesAsync(ct);
            await gate.GiveBackAsync(activity.Id, enrolment.StartDate, ct);
            await promotion.FillAsync(activity, enrolment.StartDate, ct);
        }
    }

    private async Task<Outcome> DecideAsync(IReadOnlyCollection<int> ids, EnrolmentState[] from,
        Func<Enrolment, Activity, DateTime, CancellationToken, Task> decide, string staffAccountId, CancellationToken ct)
    {
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                var now = time.GetUtcNow().UtcDateTime;
                var chosen = await db.Enrolments.Where(e => ids.Contains(e.Id)).OrderBy(e => e.RequestedAtUtc).ThenBy(e => e.Id).ToListAsync(token);
                if (chosen.Count != ids.Count)
                {
                    throw EnrolmentRefusedException.NotFound();
                }
                if (chosen.Any(e => !from.Contains(e.State)))
                {
                    throw EnrolmentRefusedException.ChangedMeanwhile();
                }
                var activities = new Dictionary<int, Activity>();
                foreach (var enrolment in chosen)
                {
                    if (!activities.TryGetValue(enrolment.ActivityId, out var activity))
                    {
                        activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == enrolment.ActivityId, token);
                        activities[activity.Id] = activity;
                    }
                    (enrolment.DecidedAtUtc, enrolment.DecidedByAccountId) = (now, staffAccountId);
                    await decide(enrolment, activity, now, token);
                }
                await db.SaveChangesAsync(token);
                return new Outcome(chosen.Count(e => e.State == EnrolmentState.Enrolled), chosen.Count(e => e.State == EnrolmentState.Waiting),
                    chosen.Count(e => e.State == EnrolmentState.Refused), chosen.Count(e => e.State == EnrolmentState.Withdrawn));
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EnrolmentRefusedException.ChangedMeanwhile();
        }
    }

    /// <summary>
    /// Applies a campaign's allocation to one activity inside the caller's transaction: in rank order the requests
    /// take the activity's places, <paramref name="places"/> at most; the others join its waiting list in that same
    /// order (the moment they join is the confirmation's, one tick apart). The caller saves and writes the emails.
    /// Returns, for each request, its rank on the waiting list, or null when it got a place.
    /// </summary>
    public async Task<IReadOnlyList<int?>> AllocateAsync(Activity activity, IReadOnlyList<Enrolment> ranked, int places, string staffAccountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(ranked);
        var now = time.GetUtcNow().UtcDateTime;
        var ranks = new List<int?>();
        var given = 0;
        var waiting = 0;
        foreach (var enrolment in ranked)
        {
            (enrolment.DecidedAtUtc, enrolment.DecidedByAccountId) = (now, staffAccountId);
            if (given < places && await gate.TryTakeAsync(activity.MunicipalityId, activity.Id, enrolment.StartDate, activity.Enrolment.Capacity, ct))
            {
                (enrolment.State, enrolment.WaitingSinceUtc) = (EnrolmentState.Enrolled, null);
                given++;
                ranks.Add(null);
                continue;
            }
            if (waiting == 0)
            {
                waiting = await db.Enrolments.CountAsync(e => e.ActivityId == activity.Id && e.StartDate == enrolment.StartDate
                    && e.State == EnrolmentState.Waiting, ct);
            }
            waiting++;
            // A microsecond apart, the finest step every provider keeps (PostgreSQL drops the ticks below it).
            (enrolment.State, enrolment.WaitingSinceUtc) = (EnrolmentState.Waiting, now.AddMicroseconds(waiting));
            ranks.Add(waiting);
        }
        return ranks;
    }
}
