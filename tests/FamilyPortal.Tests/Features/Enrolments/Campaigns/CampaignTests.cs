using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Enrolments.EnrolmentKit;

namespace FamilyPortal.Tests.Features.Enrolments.Campaigns;

/// <summary>A campaign through the services its pages call: requests during the window, preview, confirmation once, emails.</summary>
public class CampaignTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Applicant(Reservations.ParentSession Session, int ChildId, int FamilyId);

    private async Task<Applicant> FamilyAsync(TenantBuilder.Tenant tenant, string name, string? postcode, int? quotient)
    {
        var familyId = await Reservations.ReservationKit.AddFamilyAsync(factory, tenant, name);
        await CampaignKit.DescribeFamilyAsync(factory, tenant.MunicipalityId, familyId, postcode, quotient);
        var session = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, familyId);
        return new Applicant(session, await Reservations.ReservationKit.ChildOfAsync(factory, tenant.MunicipalityId, familyId), familyId);
    }

    private static async Task<Enrolment> AskAsync(Applicant applicant, TenantBuilder.Tenant tenant, int campaignId, bool bothWorking)
    {
        var requests = applicant.Session.Get<CampaignRequests>();
        var campaign = (await requests.PendingForAsync(tenant.ActivityId, YearStart, default))!;
        Assert.Equal(campaignId, campaign.Id);
        return await requests.RequestAsync(applicant.Session.Parent, campaign, applicant.ChildId, tenant.ActivityId, bothWorking, default);
    }

    private async Task<CampaignAllocator.Allocation?> ConfirmAsync(int municipalityId, int campaignId, string staffId)
    {
        await using var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Tenant.Enter(municipalityId);
        return await scope.ServiceProvider.GetRequiredService<CampaignAllocator>().ConfirmAsync(campaignId, staffId, default);
    }

    [Fact]
    public async Task Requests_wait_during_the_window_then_the_confirmed_allocation_follows_the_criteria_once_and_tells_every_family()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        // Automatic acceptance and free places: during the campaign neither may give a place on arrival.
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, Capacity = 10, AutoAccept = true });
        var campaignId = await CampaignKit.CreateAsync(factory, tenant.MunicipalityId, tenant.ActivityId, places: 2, "residents,deux-parents-travaillent,quotient", "54000, 54100");
        var early = await FamilyAsync(tenant, "AVANT", postcode: "75001", quotient: 200);
        var resident = await FamilyAsync(tenant, "RESIDENT", postcode: "54100", quotient: 1800);
        var working = await FamilyAsync(tenant, "TRAVAIL", postcode: "54000", quotient: 900);
        var poorer = await FamilyAsync(tenant, "MODESTE", postcode: "54000", quotient: 400);

        var first = await AskAsync(early, tenant, campaignId, bothWorking: true);
        await AskAsync(resident, tenant, campaignId, bothWorking: false);
        await AskAsync(working, tenant, campaignId, bothWorking: false);
        // Changed before the window closes: the declaration counts, not the moment.
        await AskAsync(working, tenant, campaignId, bothWorking: true);
        await AskAsync(poorer, tenant, campaignId, bothWorking: false);
        var direct = await Assert.ThrowsAsync<EnrolmentRefusedException>(() =>
            early.Session.Get<EnrolmentService>().RequestAsync(early.Session.Parent, early.ChildId, tenant.ActivityId, YearStart, default));

        Assert.StartsWith("Inscription impossible : les demandes pour cette période passent par la campagne « Inscriptions 2026-2027 »", direct.Message, StringComparison.Ordinal);
        Assert.Equal(EnrolmentState.Pending, first.State);
        var gathered = await CampaignKit.RequestsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, campaignId);
        Assert.Equal(4, gathered.Count(r => r.Enrolment.State == EnrolmentState.Pending && r.Request is not null));
        Assert.Equal(0, await early.Session.Get<EnrolmentGate>().TakenAsync(tenant.ActivityId, YearStart, default));
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        Assert.Null(await ConfirmAsync(tenant.MunicipalityId, campaignId, staff.Id));

        await CampaignKit.CloseAsync(factory, tenant.MunicipalityId, campaignId);
        var late = await Assert.ThrowsAsync<EnrolmentRefusedException>(() => AskAsync(early, tenant, campaignId, bothWorking: false));
        Assert.Equal("Les demandes de la campagne « Inscriptions 2026-2027 » sont closes depuis le 16/11/2026 : les places sont en cours d'attribution.", late.Message);
        var preview = (await early.Session.Get<CampaignAllocator>().PreviewAsync(campaignId, default))!;
        var order = preview.Lines.OrderBy(l => l.Placement.Rank).ToList();
        Assert.Equal(["TRAVAIL", "MODESTE", "RESIDENT", "AVANT"], order.Select(l => l.Household));
        Assert.Equal([true, true, false, false], order.Select(l => l.Placement.Accepted));
        Assert.Equal($"résident, deux parents qui travaillent, QF 900, tirage n° {CampaignAllocation.DrawText(CampaignAllocation.Draw(20261116, order[0].Enrolment.Id))}",
            order[0].Placement.Explanation);
        Assert.Equal(EnrolmentState.Pending, (await CampaignKit.RequestsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, campaignId)).First(r => r.Request is not null).Enrolment.State);

        // Two staff members confirm at the same moment: one allocation, the other does nothing.
        var confirmations = await Task.WhenAll(ConfirmAsync(tenant.MunicipalityId, campaignId, staff.Id), ConfirmAsync(tenant.MunicipalityId, campaignId, staff.Id));
        Assert.Single(confirmations, c => c is not null);
        var mailsAfterFirst = (await MailsAsync(factory, tenant.MunicipalityId)).Count;
        Assert.Null(await ConfirmAsync(tenant.MunicipalityId, campaignId, staff.Id));

        var after = (await CampaignKit.RequestsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, campaignId)).Where(r => r.Request is not null)
            .OrderBy(r => r.Request!.Rank).ToList();
        Assert.Equal([EnrolmentState.Enrolled, EnrolmentState.Enrolled, EnrolmentState.Waiting, EnrolmentState.Waiting], after.Select(r => r.Enrolment.State));
        Assert.Equal([1, 2, 3, 4], after.Select(r => r.Request!.Rank!.Value));
        Assert.Equal(order.Select(l => l.Placement.Explanation), after.Select(r => r.Request!.Explanation));
        Assert.Equal(2, await early.Session.Get<EnrolmentGate>().TakenAsync(tenant.ActivityId, YearStart, default));
        // The waiting list keeps the allocation's order.
        var promotion = early.Session.Get<EnrolmentPromotion>();
        Assert.Equal(1, await promotion.RankAsync(after[2].Enrolment, default));
        Assert.Equal(2, await promotion.RankAsync(after[3].Enrolment, default));
        var campaign = await CampaignKit.CampaignAsync(factory, tenant.MunicipalityId, campaignId);
        Assert.Equal((staff.Id, 20261116), (campaign.ConfirmedByAccountId, campaign.Seed));
        Assert.NotNull(campaign.ConfirmedAtUtc);

        var mails = await MailsAsync(factory, tenant.MunicipalityId);
        Assert.Equal(mailsAfterFirst, mails.Count);
        Assert.Equal(5, mails.Count(m => m.Subject.StartsWith("Demande d'inscription enregistrée", StringComparison.Ordinal)));
        Assert.Equal(2, mails.Count(m => m.Subject.StartsWith("Place attribuée", StringComparison.Ordinal)));
        var waitingMail = Assert.Single(mails, m => m.Subject.StartsWith("Demande en liste d'attente", StringComparison.Ordinal) && m.TextBody.Contains("rang 2 (", StringComparison.Ordinal));
        Assert.Contains("rang 4 sur les demandes", waitingMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("graine, 20261116,", waitingMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("non résident, deux parents qui travaillent, QF 200, tirage n° ", waitingMail.TextBody, StringComparison.Ordinal);
        foreach (var applicant in new[] { early, resident, working, poorer })
        {
            await applicant.Session.DisposeAsync();
        }
    }

    [Fact]
    public async Task Re_running_the_draw_with_the_recorded_seed_gives_the_same_ranks_and_another_seed_may_not()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, Capacity = 3 });
        var campaignId = await CampaignKit.CreateAsync(factory, tenant.MunicipalityId, tenant.ActivityId, places: 3, "residents", "54000", seed: 777);
        for (var i = 0; i < 8; i++)
        {
            var applicant = await FamilyAsync(tenant, $"TIRAGE{i}", "54000", null);
            await AskAsync(applicant, tenant, campaignId, bothWorking: false);
            await applicant.Session.DisposeAsync();
        }
        await CampaignKit.CloseAsync(factory, tenant.MunicipalityId, campaignId);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var confirmed = (await ConfirmAsync(tenant.MunicipalityId, campaignId, staff.Id))!;
        var recorded = (await CampaignKit.RequestsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, campaignId)).Where(r => r.Request is not null)
            .ToDictionary(r => r.Enrolment.Id, r => r.Request!.Rank!.Value);

        // Anyone re-runs the draw from what is published: the requests, the criteria, the places and the seed.
        var applicants = recorded.Keys.Select(id => new CampaignApplicant(id, tenant.ActivityId, true, 0, false, null)).ToList();
        var places = new Dictionary<int, int> { [tenant.ActivityId] = 3 };
        var rerun = CampaignAllocation.Allocate(applicants, [PriorityCriterion.Resident], places, confirmed.Campaign.Seed);
        var otherSeed = CampaignAllocation.Allocate(applicants, [PriorityCriterion.Resident], places, confirmed.Campaign.Seed + 1);

        Assert.Equal(777, confirmed.Campaign.Seed);
        Assert.Equal(recorded.OrderBy(r => r.Key), rerun.ToDictionary(p => p.RequestId, p => p.Rank).OrderBy(r => r.Key));
        Assert.NotEqual(recorded.OrderBy(r => r.Key), otherSeed.ToDictionary(p => p.RequestId, p => p.Rank).OrderBy(r => r.Key));
    }
}
