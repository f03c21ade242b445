namespace FamilyPortal.Tests.Support;

/// <summary>
/// One withdrawn inscription of the test child and its places row, and one lapsed day waiting entry, so the isolation tests have one of each
/// kind to hide. The test activity needs no inscription, so they change nothing for the other tests.
/// </summary>
public static class EnrolmentRows
{
    public static async Task AddAsync(FamilyPortalDbContext db, int municipalityId, int childId, int activityId)
    {
        var start = new DateOnly(2026, 9, 1);
        db.Enrolments.Add(new Enrolment
        {
            MunicipalityId = municipalityId,
            ChildId = childId,
            ActivityId = activityId,
            PeriodLabel = "Année scolaire 2026-2027",
            StartDate = start,
            EndDate = new DateOnly(2027, 7, 3),
            State = EnrolmentState.Withdrawn,
        });
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
    }
}
