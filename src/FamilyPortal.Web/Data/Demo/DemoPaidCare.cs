using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data.Demo;

/// <summary>
/// What makes the demo's attestation fiscale and reminders show something: LÉO DUPOND's evenings of November 2025,
/// invoiced and paid by cheque in December 2025 (his attestation fiscale of 2025), and a first reminder already sent
/// for the September 2026 invoice once it is overdue.
/// </summary>
public sealed class DemoPaidCare(FamilyPortalDbContext db, TimeProvider time)
{
    public const string Siret = "21540323600015";

    private static readonly DateOnly IssueDate = new(2025, 12, 2);

    public async Task SeedAsync(int municipalityId, Family family, CancellationToken ct)
    {
        var leo = family.Children[^1];
        var evening = await db.Activities.IgnoreQueryFilters()
            .SingleAsync(a => a.MunicipalityId == municipalityId && a.SiteId == leo.SiteId && EF.Functions.Like(a.Label, "%16H05/17H05"), ct);
        var invoice = new Invoice
        {
            MunicipalityId = municipalityId,
            FamilyId = family.Id,
            Month = new DateOnly(2025, 11, 1),
            Year = IssueDate.Year,
            Sequence = 1,
            Number = DocumentNumber.Invoice(IssueDate.Year, 1),
            IssuedAtUtc = IssueDate.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            IssueDate = IssueDate,
            DueDate = IssueDate.AddDays(30),
            HouseholdName = family.HouseholdName,
            Total = 14.40m,
            Paid = 14.40m,
            Status = InvoiceStatus.Paid,
        };
        invoice.Lines.Add(new InvoiceLine
        {
            MunicipalityId = municipalityId,
            Position = 1,
            ChildId = leo.Id,
            ChildName = leo.FullName,
            ActivityId = evening.Id,
            Description = evening.Label,
            Quantity = 8,
            UnitPrice = 1.80m,
            Amount = 14.40m,
        });
        db.Invoices.Add(invoice);
        db.DocumentCounters.Add(new DocumentCounter { MunicipalityId = municipalityId, Series = DocumentSeries.Invoice, Year = IssueDate.Year, Last = 1 });
        await db.SaveChangesAsync(ct);
        db.Payments.Add(new Payment
        {
            MunicipalityId = municipalityId,
            InvoiceId = invoice.Id,
            Date = new DateOnly(2025, 12, 10),
            Amount = 14.40m,
            Means = PaymentMeans.Cheque,
            Reference = "Chèque n° 0001234",
            RecordedAtUtc = new DateTime(2025, 12, 10, 9, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync(ct);
        await RemindedAsync(municipalityId, family.Id, ct);
    }

    /// <summary>The September 2026 invoice, unpaid, got its first reminder 15 days after its due date (when that day is past).</summary>
    private async Task RemindedAsync(int municipalityId, int familyId, CancellationToken ct)
    {
        var september = await db.Invoices.IgnoreQueryFilters()
            .SingleOrDefaultAsync(i => i.MunicipalityId == municipalityId && i.FamilyId == familyId && i.Month == DemoBilling.Month.FirstDay, ct);
        var sentOn = september?.DueDate.AddDays(15);
        if (september is null || sentOn > ParisClock.Today(time.GetUtcNow(), ParisClock.Zone))
        {
            return;
        }
        db.InvoiceReminders.Add(new InvoiceReminder
        {
            MunicipalityId = municipalityId,
            InvoiceId = september.Id,
            Level = 1,
            SentOn = sentOn!.Value,
            SentAtUtc = sentOn.Value.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
            Remaining = september.Remaining,
        });
        await db.SaveChangesAsync(ct);
    }
}
