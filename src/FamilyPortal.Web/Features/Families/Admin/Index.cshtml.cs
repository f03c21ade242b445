using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>« Familles »: search by household, responsable, child, email, reference or adhesion code.</summary>
public class IndexModel(FamilyFiles files) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<FamilyFiles.Hit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Hits = await files.SearchAsync(Query, ct);
}
