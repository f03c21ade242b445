using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices.Admin;

/// <summary>« Factures »: the collectivité's issued invoices, by month, with what is still unpaid.</summary>
public class IndexModel(FamilyPortalDbContext db, TimeProvider time) : PageModel
{
    public const int MaxRows = 200;

    public sealed record Row(int Id, string Number, string Month, string HouseholdName, decimal Total, decimal Remaining,
        InvoiceStatus Status, DateOnly DueDate, bool Overdue);

    [BindProperty(SupportsGet = true, Name = "mois")] public string? Mois { get; set; }
    [BindProperty(SupportsGet = true, Name = "impayees")] public bool Impayees { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public IReadOnlyList<BillingMonth> Months { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool More { get; private set; }
    public decimal RemainingShown { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var months = await db.Invoices.AsNoTracking().Select(i => i.Month).Distinct().ToListAsync(ct);
        Months = months.OrderDescending().Select(BillingMonth.Of).ToList();
        var query = db.Invoices.AsNoTracking();
        if (BillingMonth.Parse(Mois) is { } month)
        {
            var first = month.FirstDay;
            query = query.Where(i => i.Month == first);
        }
        if (Impayees)
        {
            query = query.Where(i => i.Status == InvoiceStatus.ToPay || i.Status == InvoiceStatus.PartiallyPaid);
        }
        if (Q?.Trim() is { Length: > 0 } text)
        {
            var pattern = $"%{text.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(i => EF.Functions.Like(i.HouseholdName, pattern) || EF.Functions.Like(i.Number, pattern));
        }
        var invoices = await query.OrderByDescending(i => i.Year).ThenByDescending(i => i.Sequence).Take(MaxRows + 1).ToListAsync(ct);
        More = invoices.Count > MaxRows;
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        Rows = invoices.Take(MaxRows).Select(i => new Row(i.Id, i.Number, i.BillingMonth.Label, i.HouseholdName, i.Total, i.Remaining, i.Status, i.DueDate,
            i.Remaining > 0 && i.DueDate < today)).ToList();
        RemainingShown = Rows.Sum(r => r.Remaining);
    }
}
