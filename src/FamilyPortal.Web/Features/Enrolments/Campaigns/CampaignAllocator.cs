using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments.Campaigns;

/// <summary>
/// After the window: the allocation of a campaign previewed from the requests waiting, then confirmed in one
/// transaction with the places, the waiting lists and every family's email. A second confirmation changes nothing.
/// </summary>
public sealed class CampaignAllocator(FamilyPortalDbContext db, EnrolmentDecisions decisions, CampaignEmails emails, TimeProvider time)
{
    /// <summary>A request as the preview shows it: the child, the family, and its placement.</summary>
    public sealed record Line(Enrolment Enrolment, string ChildName, string Household, CampaignPlacement Placement);

    public sealed record Allocation(AllocationCampaign Campaign, IReadOnlyDictionary<int, string> ActivityLabels, IReadOnlyList<Line> Lines);

    public DateOnly Today => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);

    public async Task<Allocation?> PreviewAsync(int campaignId, CancellationToken ct)
    {
        var campaign = await db.AllocationCampaigns.AsNoTracking().Include(c => c.Activities).SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        return campaign is null ? null : await ComputeAsync(campaign, tracked: false, ct);
    }

    /// <summary>
    /// Applies the allocation; null when the campaign was confirmed already (by this click's twin or a colleague)
    /// or cannot be yet. The claim is the transaction's first statement, so two confirmations wait for each other.
    /// </summary>
    public Task<Allocation?> ConfirmAsync(int campaignId, string staffAccountId, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var now = time.GetUtcNow().UtcDateTime;
            var today = Today;
            var claimed = await db.AllocationCampaigns
                .Where(c => c.Id == campaignId && c.ConfirmedAtUtc == null && c.ClosesOn < today)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedAtUtc, now).SetProperty(c => c.ConfirmedByAccountId, staffAccountId), token);
            if (claimed == 0)
            {
                return null;
            }
            var campaign = await db.AllocationCampaigns.AsNoTracking().Include(c => c.Activities).SingleAsync(c => c.Id == campaignId, token);
            var allocation = await ComputeAsync(campaign, tracked: true, token);
            var requests = await db.CampaignRequests.Where(r => r.CampaignId == campaignId).ToDictionaryAsync(r => r.EnrolmentId, token);
            foreach (var activity in campaign.Activities)
            {
                var lines = allocation.Lines.Where(l => l.Placement.ActivityId == activity.ActivityId).OrderBy(l => l.Placement.Rank).ToList();
                var entity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.ActivityId, token);
                var waitingRanks = await decisions.AllocateAsync(entity, lines.Select(l => l.Enrolment).ToList(), activity.Places, staffAccountId, token);
                for (var i = 0; i < lines.Count; i++)
                {
                    var line = lines[i];
                    if (!requests.TryGetValue(line.Enrolment.Id, out var request))
                    {
                        request = new CampaignRequest { MunicipalityId = campaign.MunicipalityId, CampaignId = campaignId, EnrolmentId = line.Enrolment.Id };
                        db.CampaignRequests.Add(request);
                    }
                    (request.Rank, request.Accepted, request.Explanation) = (line.Placement.Rank, waitingRanks[i] is null, line.Placement.Explanation);
                    await emails.ResultAsync(campaign, line.Enrolment, entity.Label, line.Placement, waitingRanks[i], token);
                }
            }
            await db.SaveChangesAsync(token);
            return allocation with { Campaign = campaign };
        }, ct);

    private async Task<Allocation> ComputeAsync(AllocationCampaign campaign, bool tracked, CancellationToken ct)
    {
        var activityIds = campaign.Activities.Select(a => a.ActivityId).ToList();
        var labels = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Label, ct);
        var pending = db.Enrolments.Where(e => activityIds.Contains(e.ActivityId) && e.StartDate == campaign.PeriodStart && e.State == EnrolmentState.Pending);
        var enrolments = await (tracked ? pending : pending.AsNoTracking()).ToListAsync(ct);
        var childIds = enrolments.Select(e => e.ChildId).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.FamilyId, c.Family!.HouseholdName, c.Family.PostalCode }).ToDictionaryAsync(c => c.Id, ct);
        var familyIds = children.Values.Select(c => c.FamilyId).Distinct().ToList();
        var declared = await db.CampaignRequests.AsNoTracking().Where(r => r.CampaignId == campaign.Id)
            .ToDictionaryAsync(r => r.EnrolmentId, r => r.BothParentsWorking, ct);
        // Brothers and sisters holding an inscription at one of the campaign's activities for the same period.
        var siblings = await (from e in db.Enrolments.AsNoTracking()
                              join c in db.Children on e.ChildId equals c.Id
                              where activityIds.Contains(e.ActivityId) && e.StartDate == campaign.PeriodStart
                                  && (e.State == EnrolmentState.Enrolled || e.State == EnrolmentState.Offered) && familyIds.Contains(c.FamilyId)
                              select new { c.FamilyId, e.ChildId }).Distinct().ToListAsync(ct);
        var quotients = (await db.FamilyQuotients.AsNoTracking().Where(q => familyIds.Contains(q.FamilyId)).ToListAsync(ct))
            .GroupBy(q => q.FamilyId).ToDictionary(g => g.Key, g => InvoiceCalculator.QuotientsOf(g)(campaign.PeriodStart));
        var brackets = await db.QuotientBrackets.AsNoTracking().Select(b => new { b.Label, b.MinQuotient }).ToListAsync(ct);
        var bracketBounds = brackets.Select(b => (b.Label, b.MinQuotient)).ToList();
        var enrolledBefore = await EnrolledLastPeriodAsync(campaign, activityIds, childIds, ct);
        var postcodes = campaign.PostalCodeList;
        var applicants = enrolments.Select(e =>
        {
            var child = children[e.ChildId];
            return new CampaignApplicant(e.Id, e.ActivityId,
                child.PostalCode is { } code && postcodes.Contains(code.Trim(), StringComparer.OrdinalIgnoreCase),
                siblings.Where(s => s.FamilyId == child.FamilyId && s.ChildId != e.ChildId).Select(s => s.ChildId).Distinct().Count(),
                declared.GetValueOrDefault(e.Id),
                quotients.GetValueOrDefault(child.FamilyId),
                enrolledBefore.Contains((e.ChildId, e.ActivityId)),
                QuotientBrackets.Of(bracketBounds, quotients.GetValueOrDefault(child.FamilyId)));
        }).ToList();
        var places = campaign.Activities.ToDictionary(a => a.ActivityId, a => a.Places);
        var byId = enrolments.ToDictionary(e => e.Id);
        var lines = CampaignAllocation.Allocate(applicants, PriorityCriteria.Parse(campaign.Criteria), places, campaign.Seed)
            .Select(p =>
            {
                var enrolment = byId[p.RequestId];
                var child = children[enrolment.ChildId];
                return new Line(enrolment, $"{child.FirstName} {child.LastName}", child.HouseholdName, p);
            }).ToList();
        return new Allocation(campaign, labels, lines);
    }

    /// <summary>
    /// The children (with the activity) who held a place at one of the campaign's activities for the period just
    /// before: the previous school year for an activity enrolling per year, else the latest period it enrolled for.
    /// </summary>
    private async Task<HashSet<(int ChildId, int ActivityId)>> EnrolledLastPeriodAsync(AllocationCampaign campaign, List<int> activityIds,
        List<int> childIds, CancellationToken ct)
    {
        var modes = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).Select(a => new { a.Id, a.Enrolment.Mode }).ToListAsync(ct);
        var yearStarts = await db.SchoolYears.AsNoTracking().Where(y => y.StartDate < campaign.PeriodStart).Select(y => y.StartDate).ToListAsync(ct);
        var earlier = await db.Enrolments.AsNoTracking().Where(e => activityIds.Contains(e.ActivityId) && e.StartDate < campaign.PeriodStart)
            .Select(e => new { e.ActivityId, e.StartDate, e.ChildId, e.State }).ToListAsync(ct);
        var result = new HashSet<(int, int)>();
        foreach (var activity in modes)
        {
            var starts = activity.Mode == EnrolmentMode.SchoolYear ? yearStarts : earlier.Where(e => e.ActivityId == activity.Id).Select(e => e.StartDate);
            if (PreviousPeriod.StartBefore(starts, campaign.PeriodStart) is { } previous)
            {
                result.UnionWith(earlier.Where(e => e.ActivityId == activity.Id && e.StartDate == previous && e.State == EnrolmentState.Enrolled
                    && childIds.Contains(e.ChildId)).Select(e => (e.ChildId, e.ActivityId)));
            }
        }
        return result;
    }
}
