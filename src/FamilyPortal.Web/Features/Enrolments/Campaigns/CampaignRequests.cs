using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments.Campaigns;

/// <summary>
/// A family's requests while a campaign's window is open: each one waits as « demande en attente », whatever
/// its moment of arrival and whatever places remain, and may be changed or withdrawn until the window closes.
/// </summary>
public sealed class CampaignRequests(FamilyPortalDbContext db, EnrolmentPeriods periods, IEnumerable<IEnrolmentCondition> conditions,
    CampaignEmails emails, TimeProvider time)
{
    public DateOnly Today => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);

    /// <summary>The campaigns not confirmed yet, with their activities: their requests go through them.</summary>
    public async Task<IReadOnlyList<AllocationCampaign>> PendingAsync(CancellationToken ct) =>
        await db.AllocationCampaigns.AsNoTracking().Include(c => c.Activities).Where(c => c.ConfirmedAtUtc == null).OrderBy(c => c.Id).ToListAsync(ct);

    public async Task<AllocationCampaign?> PendingForAsync(int activityId, DateOnly periodStart, CancellationToken ct) =>
        (await PendingAsync(ct)).FirstOrDefault(c => c.PeriodStart == periodStart && c.Activities.Any(a => a.ActivityId == activityId));

    /// <summary>Asks, or changes the declaration of a request already waiting; refused outside the window.</summary>
    public async Task<Enrolment> RequestAsync(ParentScope scope, AllocationCampaign campaign, int childId, int activityId, bool bothParentsWorking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(campaign);
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId && c.FamilyId == scope.FamilyId, ct);
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId && !a.IsArchived, ct);
        if (child is null || activity is null || !activity.Enrolment.Required || !BookingVerdict.IsOffered(child.SiteId, activity.SiteId)
            || campaign.Activities.All(a => a.ActivityId != activityId))
        {
            throw new EnrolmentRefusedException("Cette activité n'est pas proposée à cet enfant.", StatusCodes.Status404NotFound);
        }
        var period = (await periods.OpenAsync(activity, ct)).FirstOrDefault(p => p.Start == campaign.PeriodStart)
            ?? throw new EnrolmentRefusedException("Choisissez une période de la liste.", StatusCodes.Status400BadRequest);
        switch (campaign.StageOn(Today))
        {
            case CampaignStage.NotOpenYet:
                throw new EnrolmentRefusedException($"Les demandes de la campagne « {campaign.Name} » ouvrent le {FrenchDates.Numeric(campaign.OpensOn)}.", StatusCodes.Status409Conflict);
            case CampaignStage.Closed or CampaignStage.Confirmed:
                throw new EnrolmentRefusedException($"Les demandes de la campagne « {campaign.Name} » sont closes depuis le {FrenchDates.Numeric(campaign.ClosesOn.AddDays(1))} : les places sont en cours d'attribution.", StatusCodes.Status409Conflict);
        }
        foreach (var condition in conditions.Where(c => c is not CampaignCondition))
        {
            if (await condition.RefusalAsync(child, activity, period, ct) is { } refusal)
            {
                throw new EnrolmentRefusedException($"Inscription impossible : {refusal}.");
            }
        }
        try
        {
            return await db.InTransactionAsync(token => AskAsync(scope, campaign, child, activity, period, bothParentsWorking, token), ct);
        }
        catch (DbUpdateException)
        {
            throw new EnrolmentRefusedException("Une demande d'inscription existe déjà pour cet enfant et cette période.", StatusCodes.Status409Conflict);
        }
    }

    private async Task<Enrolment> AskAsync(ParentScope scope, AllocationCampaign campaign, Child child, Activity activity, EnrolmentPeriod period,
        bool bothParentsWorking, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.ChildId == child.Id && e.ActivityId == activity.Id && e.StartDate == period.Start, ct);
        var changing = enrolment is { State: EnrolmentState.Pending };
        if (enrolment is { } existing && existing.State.IsOpen() && !changing)
        {
            throw new EnrolmentRefusedException("Une demande d'inscription existe déjà pour cet enfant et cette période.", StatusCodes.Status409Conflict);
        }
        if (enrolment is null)
        {
            enrolment = new Enrolment { MunicipalityId = scope.MunicipalityId, ChildId = child.Id, ActivityId = activity.Id, PeriodLabel = period.Label };
            db.Enrolments.Add(enrolment);
        }
        if (!changing)
        {
            (enrolment.PeriodLabel, enrolment.StartDate, enrolment.EndDate) = (period.Label, period.Start, period.End);
            (enrolment.RequestedAtUtc, enrolment.RequestedByAccountId, enrolment.State) = (now, scope.AccountId, EnrolmentState.Pending);
            (enrolment.RefusalReason, enrolment.DecidedAtUtc, enrolment.DecidedByAccountId) = (null, null, null);
            (enrolment.WaitingSinceUtc, enrolment.OfferExpiresAtUtc) = (null, null);
        }
        await db.SaveChangesAsync(ct);
        var request = await db.CampaignRequests.SingleOrDefaultAsync(r => r.CampaignId == campaign.Id && r.EnrolmentId == enrolment.Id, ct);
        if (request is null)
        {
            request = new CampaignRequest { MunicipalityId = scope.MunicipalityId, CampaignId = campaign.Id, EnrolmentId = enrolment.Id };
            db.CampaignRequests.Add(request);
        }
        request.BothParentsWorking = bothParentsWorking;
        await emails.RequestReceivedAsync(campaign, enrolment, ct);
        await db.SaveChangesAsync(ct);
        return enrolment;
    }
}

/// <summary>
/// While a campaign gathers the requests of an activity's period, a request made any other way is refused:
/// no first come, first served, no automatic acceptance before the allocation.
/// </summary>
public sealed class CampaignCondition(FamilyPortalDbContext db) : IEnrolmentCondition
{
    public async Task<string?> RefusalAsync(Child child, Activity activity, EnrolmentPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(period);
        var campaign = await db.AllocationCampaigns.AsNoTracking()
            .Where(c => c.ConfirmedAtUtc == null && c.PeriodStart == period.Start && c.Activities.Any(a => a.ActivityId == activity.Id))
            .Select(c => new { c.Name, c.OpensOn, c.ClosesOn }).FirstOrDefaultAsync(ct);
        return campaign is null ? null
            : $"les demandes pour cette période passent par la campagne « {campaign.Name} » (du {FrenchDates.Numeric(campaign.OpensOn)} au {FrenchDates.Numeric(campaign.ClosesOn)}), puis les places sont attribuées";
    }
}
