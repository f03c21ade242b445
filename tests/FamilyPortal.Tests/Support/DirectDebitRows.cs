using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// A revoked mandate of the family and an old debit file collecting its June 2025 invoice (paid since), so the
/// isolation tests have one row of each direct-debit kind to hide. The collectivité has no ICS: direct debit is
/// not offered until a test sets one.
/// </summary>
public static class DirectDebitRows
{
    public const string Iban = "FR7630006000011234567890189";

    public static async Task AddAsync(IServiceProvider services, FamilyPortalDbContext db, int municipalityId, int familyId, int invoiceId)
    {
        var sealer = services.GetRequiredService<SensitiveData>();
        var mandate = new DebitMandate
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            Reference = $"ANCIEN-F{familyId:D6}-01",
            AccountHolder = "Camille MARTIN",
            SealedIban = sealer.Seal(System.Text.Encoding.ASCII.GetBytes(Iban)),
            MaskedIban = FamilyPortal.Web.Features.DirectDebit.Rules.Iban.Mask(Iban),
            Bic = "BNPAFRPP",
            SignedOn = new DateOnly(2025, 5, 2),
            Source = MandateSource.Staff,
            Status = MandateStatus.Revoked,
            FirstDebitDone = true,
            RevokedAtUtc = new DateTime(2025, 8, 1, 8, 0, 0, DateTimeKind.Utc),
        };
        db.DebitMandates.Add(mandate);
        await db.SaveChangesAsync();
        var batch = new DebitBatch
        {
            MunicipalityId = municipalityId,
            Month = new DateOnly(2025, 6, 1),
            CollectionDate = new DateOnly(2025, 7, 15),
            MessageId = "PRLV-202506-20250710090000",
            CreatedAtUtc = new DateTime(2025, 7, 10, 7, 0, 0, DateTimeKind.Utc),
            CreatedByAccountId = "agent-parti",
            TransactionCount = 1,
            Total = 4.10m,
            SealedFile = sealer.Seal("<Document/>"u8),
            FileSha256 = "",
        };
        batch.Lines.Add(new DebitBatchLine { MunicipalityId = municipalityId, InvoiceId = invoiceId, MandateId = mandate.Id, Amount = 4.10m, Sequence = DebitSequence.First });
        db.DebitBatches.Add(batch);
        await db.SaveChangesAsync();
    }
}
