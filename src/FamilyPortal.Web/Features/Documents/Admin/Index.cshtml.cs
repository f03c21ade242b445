using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Documents.Admin;

/// <summary>« Pièces à valider »: the documents families deposited, oldest first.</summary>
public class IndexModel(FamilyPortalDbContext db) : PageModel
{
    public sealed record Waiting(int Id, string Household, string? Child, string Type, DateTime UploadedAtUtc, string FileName);

    public IReadOnlyList<Waiting> Documents { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Documents = await (from d in db.Set<SupportingDocument>().AsNoTracking()
                           where d.Status == DocumentStatus.Deposited
                           join f in db.Families on d.FamilyId equals f.Id
                           join c in db.Children on d.ChildId equals c.Id into children
                           from c in children.DefaultIfEmpty()
                           orderby d.UploadedAtUtc, d.Id
                           select new Waiting(d.Id, f.HouseholdName, c == null ? null : c.FirstName + " " + c.LastName, d.Type!.Name, d.UploadedAtUtc, d.FileName))
            .ToListAsync(ct);
}
