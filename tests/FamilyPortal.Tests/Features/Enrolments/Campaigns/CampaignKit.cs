using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Enrolments.Campaigns;

public static class CampaignKit
{
    /// <summary>The factory's clock says Monday 16/11/2026: a window from the 10th to the 20th is open.</summary>
    public static readonly (DateOnly Opens, DateOnly Closes) OpenWindow = (new(2026, 11, 10), new(2026, 11, 20));

    /// <summary>A campaign of the test activity for the school year 2026-2027, window open.</summary>
    public static async Task<int> CreateAsync(PortalFactory factory, int municipalityId, int activityId, int places, string criteria,
        string? postcodes = null, int seed = 20261116, EnrolmentPeriod? period = null)
    {
        period ??= new EnrolmentPeriod("Année scolaire 2026-2027", EnrolmentKit.YearStart, new DateOnly(2027, 7, 3));
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var campaign = new AllocationCampaign
        {
            MunicipalityId = municipalityId,
            Name = "Inscriptions 2026-2027",
            PeriodLabel = period.Label,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            OpensOn = OpenWindow.Opens,
            ClosesOn = OpenWindow.Closes,
            Criteria = criteria,
            ResidentPostalCodes = postcodes,
            Seed = seed,
        };
        campaign.Activities.Add(new AllocationCampaignActivity { MunicipalityId = municipalityId, ActivityId = activityId, Places = places });
        db.AllocationCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>Closes the window: its last day was yesterday.</summary>
    public static Task CloseAsync(PortalFactory factory, int municipalityId, int campaignId) =>
        ChangeAsync(factory, municipalityId, campaignId, c => c.ClosesOn = new DateOnly(2026, 11, 15));

    public static async Task ChangeAsync(PortalFactory factory, int municipalityId, int campaignId, Action<AllocationCampaign> change)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        change(await db.AllocationCampaigns.SingleAsync(c => c.Id == campaignId));
        await db.SaveChangesAsync();
    }

    public static async Task<AllocationCampaign> CampaignAsync(PortalFactory factory, int municipalityId, int campaignId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        return await db.AllocationCampaigns.AsNoTracking().Include(c => c.Activities).SingleAsync(c => c.Id == campaignId);
    }

    /// <summary>Sets the family's postcode and, when given, its quotient familial for the school year.</summary>
    public static async Task DescribeFamilyAsync(PortalFactory factory, int municipalityId, int familyId, string? postcode, int? quotient)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        (await db.Families.SingleAsync(f => f.Id == familyId)).PostalCode = postcode;
        if (quotient is { } value)
        {
            db.FamilyQuotients.Add(new FamilyQuotient
            {
                MunicipalityId = municipalityId,
                FamilyId = familyId,
                Value = value,
                ValidFrom = new DateOnly(2026, 1, 1),
                ValidTo = new DateOnly(2027, 12, 31),
            });
        }
        await db.SaveChangesAsync();
    }

    public static async Task<List<(Enrolment Enrolment, CampaignRequest? Request)>> RequestsAsync(PortalFactory factory, int municipalityId, int activityId, int campaignId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.ActivityId == activityId).OrderBy(e => e.Id).ToListAsync();
        var requests = await db.CampaignRequests.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync();
        return enrolments.Select(e => (e, requests.SingleOrDefault(r => r.EnrolmentId == e.Id))).ToList();
    }
}
