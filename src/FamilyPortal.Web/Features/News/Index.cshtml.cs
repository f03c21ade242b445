using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.News;

/// <summary>
/// « Actualités », the parents' first tab: what the selected collectivité publishes, newest first, with a
/// « Nouveau » marker on what this account had not seen yet.
/// </summary>
[Authorize]
public class IndexModel(NewsFeed feed, CurrentMunicipality current) : PageModel
{
    public CurrentMunicipality Current => current;

    public IReadOnlyList<NewsFeed.Entry> Entries { get; private set; } = [];

    public int NewCount => Entries.Count(e => e.IsNew);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current is { IsParent: true, Id: { } municipalityId, AccountId: { } accountId })
        {
            Entries = await feed.ShowAsync(municipalityId, accountId, ct);
        }
    }
}
