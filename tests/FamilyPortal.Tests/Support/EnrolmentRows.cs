namespace FamilyPortal.Tests.Support;

/// <summary>
/// One withdrawn inscription of the test child and its places row, one lapsed day waiting entry, and a campaign of the past school
/// year confirmed long ago with that inscription's request, so the isolation tests have one of each kind to hide. The test activity
/// needs no inscription, so they change nothing for the other tests.
/// </summary>
public static class EnrolmentRows
{
    public static async Task AddAsync(FamilyPortalDbContext db, int municipalityId, int childId, int activityId)
    {
        var start = new DateOnly(2026, 9, 1);
        var enrolment = new Enrolment
        {
            MunicipalityId = municipalityId,
            ChildId = childId,
            ActivityId = activityId,
            PeriodLabel = "Année scolaire 2026-2027",
            StartDate = start,
            EndDate = new DateOnly(2027, 7, 3),
            State = EnrolmentState.Withdrawn,
        };
        db.Enrolments.Add(enrolment);
        db.EnrolmentLoads.Add(new EnrolmentLoad { MunicipalityId = municipalityId, ActivityId = activityId, StartDate = start });
        // A day's waiting entry that lapsed long ago: it promotes nobody and shows nowhere.
        db.WaitingEntries.Add(new WaitingEntry
        {
            MunicipalityId = municipalityId,
            AccountId = "",
            ChildId = childId,
            ActivityId = activityId,
            Date = new DateOnly(2026, 9, 7),
            State = WaitingState.Lapsed,
        });
        await db.SaveChangesAsync();
        var campaign = new AllocationCampaign
        {
            MunicipalityId = municipalityId,
            Name = "Campagne 2025-2026",
            PeriodLabel = "Année scolaire 2025-2026",
            PeriodStart = new DateOnly(2025, 9, 1),
            PeriodEnd = new DateOnly(2026, 7, 4),
            OpensOn = new DateOnly(2025, 5, 1),
            ClosesOn = new DateOnly(2025, 5, 15),
            Criteria = "residents",
            ResidentPostalCodes = "54000",
            Seed = 1,
            ConfirmedAtUtc = new DateTime(2025, 5, 20, 8, 0, 0, DateTimeKind.Utc),
        };
        campaign.Activities.Add(new AllocationCampaignActivity { MunicipalityId = municipalityId, ActivityId = activityId, Places = 1 });
        db.AllocationCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        db.CampaignRequests.Add(new CampaignRequest { MunicipalityId = municipalityId, CampaignId = campaign.Id, EnrolmentId = enrolment.Id });
        await db.SaveChangesAsync();
    }
}
