using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.MyFile;

/// <summary>
/// « Mon dossier famille », part of one child: identity, school and class (kept by the collectivité), and the
/// fiche sanitaire, whose changes go to the collectivité as a demande de modification.
/// </summary>
[Authorize]
public class ChildModel(
    FamilyPortalDbContext db, CurrentMunicipality current, FamilyFileReader reader, FamilyChangeRequests requests,
    ChangePayloads payloads, SupportingDocuments documents, TimeProvider time) : PageModel
{
    [BindProperty]
    public HealthInput Input { get; set; } = new();

    public Child? Child { get; private set; }
    public FileNav Nav { get; private set; } = new([], null);
    public HashSet<string> PendingFields { get; private set; } = [];
    public int LeaveAloneAge { get; private set; } = Municipality.DefaultLeaveAloneMinimumAge;

    /// <summary>The PAI as the collectivité validated it, and its document.</summary>
    public bool HasValidatedPai { get; private set; }
    public SupportingDocuments.PaiDocument Pai { get; private set; } = new(null, null, null);

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int enfant, CancellationToken ct)
    {
        if (await LoadAsync(enfant, ct) is not { } child)
        {
            return NotFound();
        }
        var (stored, _) = await reader.HealthAsync(child.Id, ct);
        Input = HealthInput.From(requests.Shown(await PendingAsync(child, ct), ChangeSection.Health, child.Id, stored));
        await LoadPaiAsync(child.Id, stored.HasPai, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int enfant, CancellationToken ct)
    {
        if (await LoadAsync(enfant, ct) is not { } child)
        {
            return NotFound();
        }
        await PendingAsync(child, ct);
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        var sheet = Input.Validate(today, HealthSheetFields.AgeOn(child.BirthDate, today), LeaveAloneAge,
            (field, message) => ModelState.AddModelError($"Input.{field}", message));
        var (stored, _) = await reader.HealthAsync(child.Id, ct);
        if (sheet is null)
        {
            await LoadPaiAsync(child.Id, stored.HasPai, ct);
            return Invalid();
        }
        Notice = IndexModel.Said(await requests.SubmitHealthAsync(child, stored, sheet, ct));
        return RedirectToPage(new { enfant });
    }

    /// <summary>The form again with its French messages: 422, nothing written.</summary>
    private PageResult Invalid()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task<Child?> LoadAsync(int childId, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return null;
        }
        var children = await db.Children.AsNoTracking().Include(c => c.Site).Where(c => c.FamilyId == familyId)
            .OrderBy(c => c.FirstName).ToListAsync(ct);
        Child = children.FirstOrDefault(c => c.Id == childId);
        Nav = new FileNav(children.Select(c => (c.Id, c.FirstName)).ToList(), childId);
        LeaveAloneAge = await db.Municipalities.Where(m => m.Id == current.Id).Select(m => m.LeaveAloneMinimumAge).SingleAsync(ct);
        return Child;
    }

    private async Task LoadPaiAsync(int childId, bool validatedPai, CancellationToken ct)
    {
        HasValidatedPai = validatedPai;
        Pai = await documents.PaiDocumentAsync(childId, ct);
    }

    private async Task<List<ChangeRequest>> PendingAsync(Child child, CancellationToken ct)
    {
        var pending = await requests.PendingAsync(child.FamilyId, ct);
        PendingFields = pending.Where(r => r.Section == ChangeSection.Health && r.ChildId == child.Id)
            .SelectMany(r => payloads.ChangesOf(r, new Dictionary<int, string>())).Select(c => c.Field).ToHashSet();
        return pending;
    }
}
