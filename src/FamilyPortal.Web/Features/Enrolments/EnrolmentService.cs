using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// What a family does with inscriptions: ask, withdraw, accept a place offered. Every change runs in one
/// transaction with the places it takes or frees, the promotions that follow and the emails.
/// </summary>
public sealed class EnrolmentService(
    FamilyPortalDbContext db,
    EnrolmentPeriods periods,
    EnrolmentGate gate,
    EnrolmentPromotion promotion,
    EnrolmentEmails emails,
    IEnumerable<IEnrolmentCondition> conditions,
    TimeProvider time)
{
    public async Task<Enrolment> RequestAsync(ParentScope scope, int childId, int activityId, DateOnly periodStart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId && c.FamilyId == scope.FamilyId, ct);
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId && !a.IsArchived, ct);
        if (child is null || activity is null || !activity.Enrolment.Required || !BookingVerdict.IsOffered(child.SiteId, activity.SiteId))
        {
            throw new EnrolmentRefusedException("Cette activité n'est pas proposée à cet enfant.", StatusCodes.Status404NotFound);
        }
        var period = (await periods.OpenAsync(activity, ct)).FirstOrDefault(p => p.Start == periodStart)
            ?? throw new EnrolmentRefusedException("Choisissez une période de la liste.", StatusCodes.Status400BadRequest);
        foreach (var condition in conditions)
        {
            if (await condition.RefusalAsync(child, activity, period, ct) is { } refusal)
            {
                throw new EnrolmentRefusedException($"Inscription impossible : {refusal}.");
            }
        }
        try
        {
            return await db.InTransactionAsync(token => AskAsync(scope, child, activity, period, token), ct);
        }
        catch (DbUpdateException)
        {
            // Another parent of the family asked at the same moment: the unique index kept one request.
            throw new EnrolmentRefusedException("Une demande d'inscription existe déjà pour cet enfant et cette période.", StatusCodes.Status409Conflict);
        }
    }

    private async Task<Enrolment> AskAsync(ParentScope scope, Child child, Activity activity, EnrolmentPeriod period, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.ChildId == child.Id && e.ActivityId == activity.Id && e.StartDate == period.Start, ct);
        if (enrolment is { } existing && existing.State.IsOpen())
        {
            throw new EnrolmentRefusedException("Une demande d'inscription existe déjà pour cet enfant et cette période.", StatusCodes.Status409Conflict);
        }
        if (enrolment is null)
        {
            enrolment = new Enrolment { MunicipalityId = scope.MunicipalityId, ChildId = child.Id, ActivityId = activity.Id, PeriodLabel = period.Label };
            db.Enrolments.Add(enrolment);
        }
        (enrolment.PeriodLabel, enrolment.StartDate, enrolment.EndDate) = (period.Label, period.Start, period.End);
        (enrolment.RequestedAtUtc, enrolment.RequestedByAccountId) = (now, scope.AccountId);
        (enrolment.RefusalReason, enrolment.DecidedAtUtc, enrolment.DecidedByAccountId, enrolment.OfferExpiresAtUtc) = (null, null, null, null);
        var settings = activity.Enrolment;
        var taken = settings.AutoAccept && await gate.TryTakeAsync(scope.MunicipalityId, activity.Id, period.Start, settings.Capacity, ct);
        var full = settings.Capacity is { } capacity && await gate.TakenAsync(activity.Id, period.Start, ct) >= capacity;
        enrolment.State = EnrolmentDecision.OnRequest(settings.AutoAccept, taken, full);
        enrolment.WaitingSinceUtc = enrolment.State == EnrolmentState.Waiting ? now : null;
        if (enrolment.State == EnrolmentState.Enrolled)
        {
            enrolment.DecidedAtUtc = now;
        }
        await db.SaveChangesAsync(ct);
        var rank = enrolment.State == EnrolmentState.Waiting ? await promotion.RankAsync(enrolment, ct) : (int?)null;
        await emails.DecisionAsync(enrolment, rank, ct);
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    /// <summary>« Retirer »: the family gives up a request or an inscription; a place it held goes to the waiting list.</summary>
    public Task WithdrawAsync(ParentScope scope, int enrolmentId, CancellationToken ct) =>
        ChangeOwnAsync(scope, enrolmentId, async (enrolment, activity, token) =>
        {
            if (!enrolment.State.IsOpen())
            {
                throw new EnrolmentRefusedException("Cette demande n'est plus en cours.", StatusCodes.Status409Conflict);
            }
            var heldPlace = enrolment.State.HoldsPlace();
            enrolment.State = EnrolmentState.Withdrawn;
            (enrolment.WaitingSinceUtc, enrolment.OfferExpiresAtUtc) = (null, null);
            enrolment.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
            await emails.DecisionAsync(enrolment, null, token);
            if (heldPlace)
            {
                await gate.GiveBackAsync(activity.Id, enrolment.StartDate, token);
                await promotion.FillAsync(activity, enrolment.StartDate, token);
            }
        }, ct);

    /// <summary>« Accepter la place » offered from the waiting list, before the offer expires.</summary>
    public Task AcceptOfferAsync(ParentScope scope, int enrolmentId, CancellationToken ct) =>
        ChangeOwnAsync(scope, enrolmentId, async (enrolment, activity, token) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (enrolment.State != EnrolmentState.Offered || EnrolmentDecision.OfferExpired(enrolment.OfferExpiresAtUtc, now))
            {
                throw new EnrolmentRefusedException("Cette place n'est plus proposée.", StatusCodes.Status409Conflict);
            }
            (enrolment.State, enrolment.OfferExpiresAtUtc, enrolment.DecidedAtUtc) = (EnrolmentState.Enrolled, null, now);
            await emails.DecisionAsync(enrolment, null, token);
        }, ct);

    private async Task ChangeOwnAsync(ParentScope scope, int enrolmentId, Func<Enrolment, Activity, CancellationToken, Task> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            await db.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId
                    && db.Children.Any(c => c.Id == e.ChildId && c.FamilyId == scope.FamilyId), token)
                    ?? throw EnrolmentRefusedException.NotFound();
                var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == enrolment.ActivityId, token);
                await change(enrolment, activity, token);
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EnrolmentRefusedException.ChangedMeanwhile();
        }
    }
}
