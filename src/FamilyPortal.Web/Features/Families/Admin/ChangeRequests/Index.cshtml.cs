using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin.ChangeRequests;

/// <summary>« Demandes de modification »: the parents' changes to their file, before and after, to accept or refuse.</summary>
public class IndexModel(FamilyPortalDbContext db, ChangePayloads payloads, ChangeRequestDecisions decisions) : PageModel
{
    public sealed record Row(ChangeRequest Request, string Household, string Section, IReadOnlyList<FieldChange> Changes);

    [BindProperty(SupportsGet = true, Name = "statut")]
    public ChangeRequestStatus Status { get; set; } = ChangeRequestStatus.Pending;

    [BindProperty(SupportsGet = true, Name = "famille")]
    public string? Household { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public ChangeSection? Section { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(int changeRequestId, int version, CancellationToken ct)
    {
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == changeRequestId, ct);
        if (request is null)
        {
            return NotFound();
        }
        if (await decisions.AcceptAsync(request, version, ct) is { } refused)
        {
            ModelState.AddModelError($"demande-{changeRequestId}", refused);
            await LoadAsync(ct);
            return Conflict(this);
        }
        Notice = "La demande est acceptée : le dossier est modifié et la famille prévenue par email.";
        return RedirectToPage(new { statut = Status, famille = Household, type = Section });
    }

    public async Task<IActionResult> OnPostRefuseAsync(int changeRequestId, int version, string? reason, CancellationToken ct)
    {
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == changeRequestId, ct);
        if (request is null)
        {
            return NotFound();
        }
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ChangeRequest.MaxReasonLength)
        {
            ModelState.AddModelError($"motif-{changeRequestId}", ChangeRequestDecisions.ReasonRequired);
            await LoadAsync(ct);
            return UnprocessablePage();
        }
        if (await decisions.RefuseAsync(request, version, text, ct) is { } refused)
        {
            ModelState.AddModelError($"demande-{changeRequestId}", refused);
            await LoadAsync(ct);
            return Conflict(this);
        }
        Notice = "La demande est refusée : la famille est prévenue par email avec le motif.";
        return RedirectToPage(new { statut = Status, famille = Household, type = Section });
    }

    private PageResult UnprocessablePage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private static PageResult Conflict(IndexModel model)
    {
        var page = model.Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.ChangeRequests.AsNoTracking().Include(r => r.Family).Include(r => r.Child).Where(r => r.Status == Status);
        if (Section is { } section)
        {
            query = query.Where(r => r.Section == section);
        }
        if (!string.IsNullOrWhiteSpace(Household))
        {
            var like = $"%{Household.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(r => EF.Functions.Like(r.Family!.HouseholdName, like));
        }
        var requests = await (Status == ChangeRequestStatus.Pending ? query.OrderBy(r => r.RequestedAtUtc) : query.OrderByDescending(r => r.DecidedAtUtc))
            .Take(100).ToListAsync(ct);
        var familyIds = requests.Select(r => r.FamilyId).Distinct().ToList();
        var names = await db.Children.AsNoTracking().Where(c => familyIds.Contains(c.FamilyId)).ToDictionaryAsync(c => c.Id, c => c.FirstName, ct);
        Rows = requests.Select(r => new Row(r, r.Family!.HouseholdName, ChangePayloads.SectionLabel(r.Section, r.Child?.FullName),
            payloads.ChangesOf(r, names))).ToList();
    }
}
