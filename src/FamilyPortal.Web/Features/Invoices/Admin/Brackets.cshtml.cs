using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices.Admin;

/// <summary>
/// « Tranches de quotient familial »: the tranches (by their lower bound) and the price of each activity in
/// each tranche. Prices are the administrators' decision. A cell left empty means the activity's own price.
/// </summary>
[Authorize(Policy = StaffAuthorization.Administrator)]
public class BracketsModel(FamilyPortalDbContext db, MonthPlanner planner, CurrentMunicipality current) : PageModel
{
    public sealed class BracketInput
    {
        public string? Label { get; set; }
        public string? MinQuotient { get; set; }
    }

    [BindProperty]
    public BracketInput Input { get; set; } = new();

    /// <summary>Grid cells keyed « a{activityId}t{bracketId} », as typed.</summary>
    [BindProperty]
    public Dictionary<string, string?> Prices { get; set; } = [];

    public PriceList PriceList { get; private set; } = PriceList.UnitPricesOnly;
    public IReadOnlyList<Activity> Activities { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public static string Key(int activityId, int bracketId) => string.Create(CultureInfo.InvariantCulture, $"a{activityId}t{bracketId}");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(fillGrid: true, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(fillGrid: true, ct);
        var label = Input.Label?.Trim() ?? "";
        if (label.Length is 0 or > 50)
        {
            ModelState.AddModelError("Input.Label", "Donnez un nom à la tranche, par exemple « Tranche A » (50 caractères au plus).");
        }
        else if (PriceList.Brackets.Any(b => string.Equals(b.Label, label, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Label", "Une tranche porte déjà ce nom.");
        }
        if (!int.TryParse(Input.MinQuotient?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var min) || min > 99_999)
        {
            ModelState.AddModelError("Input.MinQuotient", "Saisissez le quotient de début de la tranche en euros, un nombre entier de 0 à 99999.");
        }
        else if (PriceList.Brackets.Any(b => b.MinQuotient == min))
        {
            ModelState.AddModelError("Input.MinQuotient", "Une tranche commence déjà à ce quotient.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.QuotientBrackets.Add(new QuotientBracket { MunicipalityId = current.Id!.Value, Label = label, MinQuotient = min });
        await db.SaveChangesAsync(ct);
        Notice = $"La tranche « {label} » est créée : saisissez ses tarifs dans la grille.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int bracketId, CancellationToken ct)
    {
        var bracket = await db.QuotientBrackets.SingleOrDefaultAsync(b => b.Id == bracketId, ct);
        if (bracket is null)
        {
            return NotFound();
        }
        db.QuotientBrackets.Remove(bracket);
        await db.SaveChangesAsync(ct);
        Notice = $"La tranche « {bracket.Label} » et ses tarifs sont supprimés. Les factures déjà émises ne changent pas.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPricesAsync(CancellationToken ct)
    {
        await LoadAsync(fillGrid: false, ct);
        var wanted = new List<BracketPrice>();
        foreach (var activity in Activities)
        {
            foreach (var bracket in PriceList.Brackets)
            {
                var key = Key(activity.Id, bracket.Id);
                var text = Prices.GetValueOrDefault(key)?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }
                if (Money.Parse(text, maxDecimals: 3) is not { } price || price > 10_000)
                {
                    ModelState.AddModelError($"Prices[{key}]", $"{activity.Label}, {bracket.Label} : saisissez un prix en euros, par exemple 3,20 (trois décimales au plus), ou laissez vide.");
                    continue;
                }
                wanted.Add(new BracketPrice { MunicipalityId = current.Id!.Value, ActivityId = activity.Id, BracketId = bracket.Id, Price = price });
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await db.BracketPrices.ExecuteDeleteAsync(ct);
        db.BracketPrices.AddRange(wanted);
        await db.SaveChangesAsync(ct);
        Notice = "Les tarifs par tranche sont enregistrés. Ils s'appliquent aux prochaines factures émises.";
        return RedirectToPage();
    }

    private async Task LoadAsync(bool fillGrid, CancellationToken ct)
    {
        PriceList = await planner.LoadPricesAsync(ct);
        Activities = await db.Activities.AsNoTracking().Include(a => a.Site).Where(a => !a.IsArchived)
            .OrderBy(a => a.Site!.Name).ThenBy(a => a.SortOrder).ThenBy(a => a.Label).ToListAsync(ct);
        if (fillGrid)
        {
            var prices = await db.BracketPrices.AsNoTracking().ToListAsync(ct);
            Prices = prices.ToDictionary(p => Key(p.ActivityId, p.BracketId), p => (string?)Money.FormatUnit(p.Price).Replace("\u00A0€", "", StringComparison.Ordinal));
        }
    }
}
