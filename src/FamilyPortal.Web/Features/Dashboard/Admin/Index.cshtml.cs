using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Dashboard.Admin;

/// <summary>Tableau de bord of the collectivité's staff.</summary>
public class IndexModel(CurrentMunicipality current, DashboardFigures dashboard) : PageModel
{
    public string MunicipalityName => current.Name ?? "";

    public DashboardFigures.View View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await dashboard.LoadAsync(current.Id!.Value, ct);

    public static string Places(int booked, int? capacity, bool closed) =>
        closed ? "fermé" : capacity is { } c ? $"{booked} / {c}" : $"{booked} (sans limite)";

    /// <summary>« full » when no place is left, so the row can say it in words too.</summary>
    public static bool IsFull(int booked, int? capacity, bool closed) => !closed && capacity is { } c && booked >= c;
}
