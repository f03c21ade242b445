using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.News;

/// <summary>
/// « Actualités », the parents' first tab: what the selected collectivité publishes, newest first, with a
/// « Nouveau » marker on what this account had not seen yet.
/// </summary>
[Authorize]
public class IndexModel(NewsFeed feed, SupportingDocuments documents, CurrentMunicipality current) : PageModel
{
    public CurrentMunicipality Current => current;

    public IReadOnlyList<NewsFeed.Entry> Entries { get; private set; } = [];

    public int NewCount => Entries.Count(e => e.IsNew);

    /// <summary>« Pièces manquantes »: what the collectivité asks and the family has not deposited (or must deposit again).</summary>
    public IReadOnlyList<SupportingDocuments.Requirement> MissingDocuments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current is { IsParent: true, Id: { } municipalityId, AccountId: { } accountId })
        {
            Entries = await feed.ShowAsync(municipalityId, accountId, ct);
            if (current.FamilyId is { } familyId)
            {
                MissingDocuments = (await documents.RequirementsAsync(familyId, ct)).Where(r => r.IsMissing).ToList();
            }
        }
    }
}
