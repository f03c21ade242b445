using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>« Mes factures »: the invoices of the parent's family in the selected collectivité, newest first.</summary>
[Authorize]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public sealed record Row(int Id, string Number, string Month, decimal Total, decimal Remaining, InvoiceStatus Status, DateOnly DueDate);

    public CurrentMunicipality Current => current;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return;
        }
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.FamilyId == familyId)
            .OrderByDescending(i => i.Month).ThenByDescending(i => i.Year).ThenByDescending(i => i.Sequence).ToListAsync(ct);
        Rows = invoices.Select(i => new Row(i.Id, i.Number, i.BillingMonth.Label, i.Total, i.Remaining, i.Status, i.DueDate)).ToList();
    }
}
