using FamilyPortal.Web.Infrastructure.Csv;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reminders.Admin;

/// <summary>
/// « Impayés »: every invoice with something left to pay, oldest due date first, with the age of the debt, its
/// bracket and the reminders sent; exported as CSV for the Trésor public (the comptable public recovers them).
/// </summary>
public class UnpaidModel(FamilyPortalDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(int InvoiceId, string Number, string Household, string Month, decimal Total, decimal Remaining,
        DateOnly IssueDate, DateOnly DueDate, int Age, string Bracket, string Reminders, string? Email, string? Address);

    private static readonly string[] Header =
    [
        "Numéro de facture", "Foyer", "Email", "Adresse", "Mois facturé", "Date d'émission", "Date d'échéance",
        "Montant facturé", "Reste à payer", "Âge (jours)", "Tranche d'âge", "Relances envoyées",
    ];

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var rows = new List<IEnumerable<string?>> { Header };
        rows.AddRange(Rows.Select(r => new[]
        {
            r.Number, r.Household, r.Email, r.Address, r.Month, FrenchDates.Numeric(r.IssueDate), FrenchDates.Numeric(r.DueDate),
            CsvText.Amount(r.Total), CsvText.Amount(r.Remaining), FormText.Text(r.Age), r.Bracket, r.Reminders,
        }));
        return File(CsvText.Document(rows), "text/csv; charset=utf-8", $"impayes-{Today:yyyy-MM-dd}.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.Status == InvoiceStatus.ToPay || i.Status == InvoiceStatus.PartiallyPaid)
            .OrderBy(i => i.DueDate).ThenBy(i => i.Year).ThenBy(i => i.Sequence).ToListAsync(ct);
        var ids = invoices.Select(i => i.Id).ToList();
        var familyIds = invoices.Select(i => i.FamilyId).Distinct().ToList();
        var families = await db.Families.AsNoTracking().Where(f => familyIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, ct);
        var reminders = (await db.InvoiceReminders.AsNoTracking().Where(r => ids.Contains(r.InvoiceId)).ToListAsync(ct))
            .ToLookup(r => r.InvoiceId);
        Rows = invoices.Select(i =>
        {
            var family = families.GetValueOrDefault(i.FamilyId);
            var address = family is null ? null : string.Join(" ", new[] { family.AddressLine, family.PostalCode, family.City }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var sent = string.Join(", ", reminders[i.Id].OrderBy(r => r.Level).Select(r => $"n° {r.Level} le {FrenchDates.Numeric(r.SentOn)}"));
            var age = ReminderSchedule.AgeInDays(i.DueDate, Today);
            return new Row(i.Id, i.Number, i.HouseholdName, i.BillingMonth.Label, i.Total, i.Remaining, i.IssueDate, i.DueDate,
                age, ReminderSchedule.Bracket(age), sent, family?.Email, address);
        }).ToList();
    }
}
