namespace FamilyPortal.Tests.Support;

/// <summary>
/// The billing rows every test collectivité starts with, so the isolation tests have one of each kind to hide:
/// one tranche (« Tranche A », from 0, the activity at its own unit price 4,10 €), the family's quotient (500 €,
/// valid over the school years 2025-2027, so the test months are priced in « Tranche A » with no notice), and
/// an old invoice of June 2025 (n° 2025-000001, 8,20 €) with a credit note, a payment, a reminder and an online payment « à vérifier », and
/// an attestation de présence of June 2025 (n° AT-2025-000001). Invoices of 2026
/// are therefore numbered from 2026-000001.
/// </summary>
public static class BillingRows
{
    public const string BracketLabel = "Tranche A";
    public const string OldInvoiceNumber = "2025-000001";
    public const string OldAttestationNumber = "AT-2025-000001";

    public static async Task AddAsync(FamilyPortalDbContext db, int municipalityId, int familyId, int childId, int activityId)
    {
        var bracket = new QuotientBracket { MunicipalityId = municipalityId, Label = BracketLabel, MinQuotient = 0 };
        bracket.Prices.Add(new BracketPrice { MunicipalityId = municipalityId, ActivityId = activityId, Price = 4.10m });
        db.QuotientBrackets.Add(bracket);
        db.FamilyQuotients.Add(new FamilyQuotient
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            Value = 500,
            ValidFrom = new DateOnly(2025, 9, 1),
            ValidTo = new DateOnly(2027, 8, 31),
        });
        var invoice = new Invoice
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            Month = new DateOnly(2025, 6, 1),
            Year = 2025,
            Sequence = 1,
            Number = OldInvoiceNumber,
            IssueDate = new DateOnly(2025, 7, 2),
            DueDate = new DateOnly(2025, 8, 1),
            HouseholdName = "MARTIN",
            Total = 8.20m,
            Credited = 4.10m,
            Paid = 4.10m,
            Status = InvoiceStatus.Paid,
        };
        invoice.Lines.Add(new InvoiceLine
        {
            MunicipalityId = municipalityId,
            Position = 1,
            ChildId = childId,
            ChildName = "Lou MARTIN",
            ActivityId = activityId,
            Description = "GT - RESTAURATION",
            Quantity = 2,
            UnitPrice = 4.10m,
            Amount = 8.20m,
        });
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        db.CreditNotes.Add(new CreditNote
        {
            MunicipalityId = municipalityId,
            InvoiceId = invoice.Id,
            Year = 2025,
            Sequence = 1,
            Number = "AV-2025-000001",
            IssueDate = new DateOnly(2025, 7, 10),
            Amount = 4.10m,
            Reason = "Repas facturé à tort",
        });
        db.Payments.Add(new Payment { MunicipalityId = municipalityId, InvoiceId = invoice.Id, Date = new DateOnly(2025, 7, 20), Amount = 4.10m, Means = PaymentMeans.Cheque });
        var online = new OnlinePayment
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            AccountId = "compte-de-la-famille",
            Provider = "PayFiP",
            OperationId = $"operation{municipalityId}",
            ClientNumber = "000000",
            Year = 2025,
            Reference = "2025000001",
            Amount = 4.10m,
            Email = "famille@exemple.test",
            Status = OnlinePaymentStatus.ToCheck,
            CreatedAtUtc = new DateTime(2025, 7, 1, 8, 0, 0, DateTimeKind.Utc),
            CheckReason = "Montant payé différent du montant demandé.",
        };
        online.Invoices.Add(new OnlinePaymentInvoice { MunicipalityId = municipalityId, InvoiceId = invoice.Id, Amount = 4.10m });
        db.OnlinePayments.Add(online);
        db.DocumentCounters.Add(new DocumentCounter { MunicipalityId = municipalityId, Series = DocumentSeries.Invoice, Year = 2025, Last = 1 });
        db.DocumentCounters.Add(new DocumentCounter { MunicipalityId = municipalityId, Series = DocumentSeries.CreditNote, Year = 2025, Last = 1 });
        db.InvoiceReminders.Add(new InvoiceReminder { MunicipalityId = municipalityId, InvoiceId = invoice.Id, Level = 1, SentOn = new DateOnly(2025, 8, 11), Remaining = 4.10m });
        var attestation = new Attestation
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            ChildId = childId,
            Kind = AttestationKind.Presence,
            Year = 2025,
            Sequence = 1,
            Number = OldAttestationNumber,
            PeriodStart = new DateOnly(2025, 6, 1),
            PeriodEnd = new DateOnly(2025, 6, 30),
            ChildName = "Lou MARTIN",
            HouseholdName = "MARTIN",
            Parents = "Mme Camille MARTIN",
            MunicipalityName = "COMMUNE TEST",
            IssueDate = new DateOnly(2025, 7, 2),
        };
        attestation.Lines.Add(new AttestationLine { MunicipalityId = municipalityId, Position = 1, Activity = "GT - RESTAURATION", Days = 2, Dates = "02/06/2025, 03/06/2025" });
        db.Attestations.Add(attestation);
        db.DocumentCounters.Add(new DocumentCounter { MunicipalityId = municipalityId, Series = DocumentSeries.Attestation, Year = 2025, Last = 1 });
        await db.SaveChangesAsync();
    }
}
