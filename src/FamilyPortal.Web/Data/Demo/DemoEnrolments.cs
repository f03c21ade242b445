namespace FamilyPortal.Web.Data.Demo;

/// <summary>
/// The inscriptions of the demo collectivité: « ALSH Vacances d'hiver » at Groupe scolaire Justice, which needs
/// an inscription for the winter holidays (24 places, accepted automatically while places remain, a freed place
/// offered for 48 hours) and whose requests go through a campaign d'inscription whose window is open around
/// the day the demo is seeded, and a canteen day that is full with LÉO DUPOND waiting.
/// </summary>
public sealed class DemoEnrolments(FamilyPortalDbContext db, TimeProvider time)
{
    public const string HolidayCentreLabel = "ALSH Vacances d'hiver";

    public static readonly (DateOnly Start, DateOnly End) WinterHolidays = (new(2027, 2, 20), new(2027, 3, 7));

    public async Task SeedAsync(int municipalityId, Site justice, ServiceKind care, Family family, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(justice);
        // The school activities close for the winter holidays; the holiday centre of the same site stays open.
        var schoolActivities = db.Activities.Local.ToList();
        foreach (var siteId in schoolActivities.Select(a => a.SiteId).Where(id => id != justice.Id).Distinct())
        {
            db.Closures.Add(WinterClosure(municipalityId, siteId, null));
        }
        foreach (var activity in schoolActivities.Where(a => a.SiteId == justice.Id))
        {
            db.Closures.Add(WinterClosure(municipalityId, null, activity.Id));
        }
        var centre = new Activity
        {
            MunicipalityId = municipalityId,
            Site = justice,
            ServiceKind = care,
            Label = HolidayCentreLabel,
            StartTime = new TimeOnly(8, 30),
            EndTime = new TimeOnly(17, 30),
            UnitPrice = 12.50m,
            Capacity = 24,
            Days = ServiceDays.SchoolWeek | ServiceDays.Wednesday,
            Rule = DemoData.CareRule,
            Enrolment = new EnrolmentSettings
            {
                Mode = EnrolmentMode.Period,
                PeriodLabel = "Vacances d'hiver 2027",
                PeriodStart = new DateOnly(2027, 2, 22),
                PeriodEnd = new DateOnly(2027, 3, 5),
                Capacity = 24,
                MinAge = 3,
                MaxAge = 11,
                AutoAccept = true,
                OfferHours = EnrolmentSettings.DefaultOfferHours,
            },
        };
        db.Activities.Add(centre);
        await db.SaveChangesAsync(ct);
        WinterCampaign(municipalityId, centre);
        await db.SaveChangesAsync(ct);
        await FullCanteenDayAsync(municipalityId, family, ct);
    }

    /// <summary>
    /// « ALSH hiver 2027 »: requests from a week before the seeding to a week after (ending before the holidays),
    /// residents of the commune first, then last period's children, siblings, working parents, the lower tranche de quotient, then the draw.
    /// </summary>
    private void WinterCampaign(int municipalityId, Activity centre)
    {
        var settings = centre.Enrolment;
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        var closes = today.AddDays(7) < settings.PeriodStart!.Value ? today.AddDays(7) : settings.PeriodStart.Value.AddDays(-1);
        var campaign = new AllocationCampaign
        {
            MunicipalityId = municipalityId,
            Name = "ALSH hiver 2027",
            PeriodLabel = settings.PeriodLabel!,
            PeriodStart = settings.PeriodStart.Value,
            PeriodEnd = settings.PeriodEnd!.Value,
            OpensOn = closes.AddDays(-14),
            ClosesOn = closes,
            Criteria = PriorityCriteria.Format([PriorityCriterion.Resident, PriorityCriterion.EnrolledLastPeriod, PriorityCriterion.SiblingsEnrolled,
                PriorityCriterion.BothParentsWorking, PriorityCriterion.QuotientBracket]),
            ResidentPostalCodes = "54200",
            Seed = 20270222,
        };
        campaign.Activities.Add(new AllocationCampaignActivity { MunicipalityId = municipalityId, ActivityId = centre.Id, Places = settings.Capacity ?? 24 });
        db.AllocationCampaigns.Add(campaign);
    }

    private static Closure WinterClosure(int municipalityId, int? siteId, int? activityId) => new()
    {
        MunicipalityId = municipalityId,
        SiteId = siteId,
        ActivityId = activityId,
        StartDate = WinterHolidays.Start,
        EndDate = WinterHolidays.End,
        Reason = "Vacances d'hiver",
    };

    /// <summary>A Tuesday at least three weeks ahead, outside the holidays: one place, ANNE booked, LÉO waiting.</summary>
    private async Task FullCanteenDayAsync(int municipalityId, Family family, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var day = ParisClock.Today(now, ParisClock.Zone).AddDays(21);
        while (day.DayOfWeek != DayOfWeek.Tuesday || db.Closures.Local.Any(c => c.StartDate <= day && c.EndDate >= day))
        {
            day = day.AddDays(1);
        }
        var canteen = db.Activities.Local.Single(a => a.Label == "JUSTICE - RESTAURATION");
        var (anne, leo) = (family.Children[0], family.Children[1]);
        db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = municipalityId, ActivityId = canteen.Id, Date = day, Capacity = 1 });
        db.Bookings.Add(new Booking { MunicipalityId = municipalityId, ChildId = anne.Id, ActivityId = canteen.Id, Date = day, CreatedAtUtc = now.UtcDateTime });
        db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = municipalityId, ActivityId = canteen.Id, Date = day, Booked = 1 });
        db.WaitingEntries.Add(new WaitingEntry
        {
            MunicipalityId = municipalityId,
            ChildId = leo.Id,
            ActivityId = canteen.Id,
            Date = day,
            // The family has no account yet: the demo parent who creates one books in its own name.
            AccountId = "",
            CreatedAtUtc = now.UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
