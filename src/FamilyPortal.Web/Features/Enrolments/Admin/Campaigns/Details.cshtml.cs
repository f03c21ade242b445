using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments.Admin.Campaigns;

/// <summary>
/// One campaign: its settings and seed; once its window has closed, « Prévisualiser » shows the allocation
/// (places given, ranked waiting list, each rank explained) and « Confirmer » applies it; afterwards, its result.
/// Agents may read and preview; confirming is the administrators' decision.
/// </summary>
[AdministratorHandlers("Confirm")]
public class DetailsModel(FamilyPortalDbContext db, CurrentMunicipality current, CampaignAllocator allocator) : PageModel
{
    /// <summary>A line of the result as confirmed: the rank the request got and where it stands now.</summary>
    public sealed record ResultLine(int ActivityId, string ChildName, string Household, int Rank, bool Accepted, string Explanation, string State);

    public AllocationCampaign Campaign { get; private set; } = null!;
    public CampaignStage Stage { get; private set; }
    public IReadOnlyDictionary<int, string> ActivityLabels { get; private set; } = new Dictionary<int, string>();
    public int Requests { get; private set; }
    public CampaignAllocator.Allocation? Preview { get; private set; }
    public IReadOnlyList<ResultLine> Result { get; private set; } = [];
    public string? ConfirmedBy { get; private set; }
    [TempData] public string? Notice { get; set; }
    public string? Error { get; private set; }
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    /// <summary>« Prévisualiser » asks for the allocation as it would be confirmed now.</summary>
    [BindProperty(SupportsGet = true, Name = "apercu")] public bool ShowPreview { get; set; }

    public async Task<IActionResult> OnGetAsync(int campaignId, CancellationToken ct) =>
        await LoadAsync(campaignId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(int campaignId, string? graine, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct))
        {
            return NotFound();
        }
        if (Stage == CampaignStage.Confirmed)
        {
            Notice = "Cette campagne est déjà confirmée : rien n'a changé.";
            return RedirectToPage(new { campaignId });
        }
        if (Stage != CampaignStage.Closed)
        {
            return Refuse(StatusCodes.Status409Conflict, $"Les demandes sont ouvertes jusqu'au {FrenchDates.Numeric(Campaign.ClosesOn)} inclus : l'attribution se fait ensuite.");
        }
        if (graine != FormText.Text(Campaign.Seed))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Confirmez depuis la prévisualisation de cette campagne.");
        }
        var confirmed = await allocator.ConfirmAsync(campaignId, current.AccountId!, ct);
        Notice = confirmed is null
            ? "Cette campagne est déjà confirmée : rien n'a changé."
            : $"Attribution confirmée : {confirmed.Lines.Count(l => l.Placement.Accepted)} place(s) attribuée(s), {confirmed.Lines.Count(l => !l.Placement.Accepted)} demande(s) en liste d'attente. Chaque famille est prévenue par courriel.";
        return RedirectToPage(new { campaignId });
    }

    private PageResult Refuse(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int campaignId, CancellationToken ct)
    {
        var campaign = await db.AllocationCampaigns.AsNoTracking().Include(c => c.Activities).SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Stage = campaign.StageOn(allocator.Today);
        var activityIds = campaign.Activities.Select(a => a.ActivityId).ToList();
        ActivityLabels = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Label, ct);
        Requests = await db.CampaignRequests.AsNoTracking().CountAsync(r => r.CampaignId == campaignId, ct);
        if (Stage == CampaignStage.Closed && ShowPreview)
        {
            Preview = await allocator.PreviewAsync(campaignId, ct);
        }
        if (Stage == CampaignStage.Confirmed)
        {
            ConfirmedBy = await db.Users.AsNoTracking().Where(u => u.Id == campaign.ConfirmedByAccountId)
                .Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(ct);
            var lines = await (from r in db.CampaignRequests.AsNoTracking()
                               join e in db.Enrolments on r.EnrolmentId equals e.Id
                               join c in db.Children on e.ChildId equals c.Id
                               join f in db.Families on c.FamilyId equals f.Id
                               where r.CampaignId == campaignId && r.Rank != null
                               orderby e.ActivityId, r.Rank
                               select new { e.ActivityId, c.FirstName, c.LastName, f.HouseholdName, r.Rank, r.Accepted, r.Explanation, e.State })
                              .ToListAsync(ct);
            Result = lines.Select(l => new ResultLine(l.ActivityId, $"{l.FirstName} {l.LastName}", l.HouseholdName, l.Rank!.Value, l.Accepted == true,
                l.Explanation ?? "", EnrolmentStateText.Describe(l.State))).ToList();
        }
        return true;
    }
}
