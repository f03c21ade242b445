using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments.Admin.Campaigns;

/// <summary>
/// « Campagnes d'inscription »: the campaigns of the collectivité and the form of a new one — activities, a
/// period, the window of the requests, the places, the ordered priority criteria. Its draw's seed is drawn here.
/// Agents read the campaigns; creating one is the administrators' decision.
/// </summary>
[AdministratorHandlers("Create")]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current, EnrolmentPeriods periods, TimeProvider time) : PageModel
{
    public sealed record Row(AllocationCampaign Campaign, CampaignStage Stage, int Requests);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<CampaignChoice> Choices { get; private set; } = [];
    public IReadOnlyList<EnrolmentPeriod> Periods { get; private set; } = [];
    [BindProperty] public CampaignInput Input { get; set; } = new();
    public DateOnly Today => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new CampaignInput
        {
            OpensOn = FormText.Text(Today),
            ClosesOn = FormText.Text(Today.AddDays(14)),
            Places = Choices.ToDictionary(c => FormText.Text(c.Activity.Id), c => (string?)FormText.Text(c.Activity.Enrolment.Capacity)),
        };
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        var campaign = CampaignForm.Read(ModelState, Input, Choices, Today);
        if (campaign is not null)
        {
            var activityIds = campaign.Activities.Select(a => a.ActivityId).ToList();
            var taken = await db.AllocationCampaignActivities.AsNoTracking()
                .Where(a => activityIds.Contains(a.ActivityId) && db.AllocationCampaigns.Any(c => c.Id == a.CampaignId && c.PeriodStart == campaign.PeriodStart))
                .Select(a => a.ActivityId).FirstOrDefaultAsync(ct);
            if (taken != 0)
            {
                ModelState.AddModelError("Input.ActivityIds", $"Une campagne existe déjà pour « {Choices.First(c => c.Activity.Id == taken).Activity.Label} » et cette période.");
            }
            if (PriorityCriteria.Parse(campaign.Criteria).Contains(PriorityCriterion.QuotientBracket) && !await db.QuotientBrackets.AnyAsync(ct))
            {
                ModelState.AddModelError("Input.Criteria", "Aucune tranche de quotient familial n'est définie (« Factures », « Tranches ») : ce critère ne départagerait personne.");
            }
        }
        if (campaign is null || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var municipalityId = current.Id!.Value;
        campaign.MunicipalityId = municipalityId;
        campaign.Activities.ForEach(a => a.MunicipalityId = municipalityId);
        campaign.Seed = RandomNumberGenerator.GetInt32(1, int.MaxValue);
        (campaign.CreatedAtUtc, campaign.CreatedByAccountId) = (time.GetUtcNow().UtcDateTime, current.AccountId);
        db.AllocationCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"La campagne « {campaign.Name} » est créée : les familles pourront demander du {FrenchDates.Numeric(campaign.OpensOn)} au {FrenchDates.Numeric(campaign.ClosesOn)}.";
        return RedirectToPage("Details", new { campaignId = campaign.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Today;
        var campaigns = await db.AllocationCampaigns.AsNoTracking().Include(c => c.Activities).OrderByDescending(c => c.PeriodStart).ThenByDescending(c => c.Id)
            .Take(200).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await db.CampaignRequests.AsNoTracking().Where(r => ids.Contains(r.CampaignId)).GroupBy(r => r.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Rows = campaigns.Select(c => new Row(c, c.StageOn(today), counts.GetValueOrDefault(c.Id))).ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => !a.IsArchived && a.Enrolment.Mode != EnrolmentMode.None)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Label).ToListAsync(ct);
        var choices = new List<CampaignChoice>();
        foreach (var activity in activities)
        {
            choices.Add(new CampaignChoice(activity, await periods.OpenAsync(activity, ct)));
        }
        Choices = choices;
        Periods = choices.SelectMany(c => c.Periods).DistinctBy(p => p.Start).OrderBy(p => p.Start).ToList();
    }
}
