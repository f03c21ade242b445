using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// Gives freed places of an activity's year or period to its waiting list, first come first served, inside
/// the caller's transaction: each place is taken through the gate, so a place is never given twice.
/// </summary>
public sealed class EnrolmentPromotion(FamilyPortalDbContext db, EnrolmentGate gate, EnrolmentEmails emails, TimeProvider time)
{
    /// <summary>Promotes while places remain and children wait; the caller saves. Returns the promoted requests.</summary>
    public async Task<List<Enrolment>> FillAsync(Activity activity, DateOnly start, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var promoted = new List<Enrolment>();
        var waiting = await db.Enrolments
            .Where(e => e.ActivityId == activity.Id && e.StartDate == start && e.State == EnrolmentState.Waiting)
            .OrderBy(e => e.WaitingSinceUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var next in waiting)
        {
            if (!await gate.TryTakeAsync(activity.MunicipalityId, activity.Id, start, activity.Enrolment.Capacity, ct))
            {
                break;
            }
            (next.State, next.OfferExpiresAtUtc) = EnrolmentDecision.Promotion(activity.Enrolment.OfferHours, now);
            next.DecidedAtUtc = now;
            next.WaitingSinceUtc = null;
            await emails.DecisionAsync(next, null, ct);
            promoted.Add(next);
        }
        return promoted;
    }

    /// <summary>The rank the request has on its waiting list (1 for the first).</summary>
    public async Task<int> RankAsync(Enrolment enrolment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var since = enrolment.WaitingSinceUtc ?? DateTime.MaxValue;
        return 1 + await db.Enrolments.CountAsync(e => e.ActivityId == enrolment.ActivityId && e.StartDate == enrolment.StartDate
            && e.State == EnrolmentState.Waiting && e.Id != enrolment.Id
            && (e.WaitingSinceUtc < since || (e.WaitingSinceUtc == since && e.Id < enrolment.Id)), ct);
    }
}
