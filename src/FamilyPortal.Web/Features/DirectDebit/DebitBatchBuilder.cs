using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>
/// The month's debit file: the issued invoices still to pay of the families with an active mandate, never already
/// in a file, each for what remains to pay, FRST for a mandate's first collection and RCUR after.
/// </summary>
public sealed class DebitBatchBuilder(FamilyPortalDbContext db, DebitMandates mandates, SensitiveData sealer, TimeProvider time)
{
    public sealed record Candidate(Invoice Invoice, DebitMandate Mandate)
    {
        public DebitSequence Sequence => Mandate.FirstDebitDone ? DebitSequence.Recurrent : DebitSequence.First;
    }

    public sealed record Outcome(int? BatchId, string? Refusal);

    /// <summary>The creditor as the file names it, or null when the collectivité has not set its ICS, IBAN and BIC.</summary>
    public async Task<DebitCreditor?> CreditorAsync(int municipalityId, CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().SingleAsync(x => x.Id == municipalityId, ct);
        return m is { CreditorIdentifier: { } ics, CreditorIban: { } iban, CreditorBic: { } bic } ? new DebitCreditor(m.Name, iban, bic, ics) : null;
    }

    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(BillingMonth month, CancellationToken ct, bool tracked = false)
    {
        var invoices = tracked ? db.Invoices : db.Invoices.AsNoTracking();
        var active = tracked ? db.DebitMandates : db.DebitMandates.AsNoTracking();
        var rows = await (from i in invoices
                          join m in active on i.FamilyId equals m.FamilyId
                          where i.Month == month.FirstDay && m.Status == MandateStatus.Active
                                && (i.Status == InvoiceStatus.ToPay || i.Status == InvoiceStatus.PartiallyPaid)
                                && !db.DebitBatchLines.Any(l => l.InvoiceId == i.Id)
                          select new { i, m }).ToListAsync(ct);
        return rows.Where(r => r.i.Remaining > 0).Select(r => new Candidate(r.i, r.m))
            .OrderBy(c => c.Invoice.Year).ThenBy(c => c.Invoice.Sequence).ToList();
    }

    /// <summary>Builds and records the file in one transaction; the unique index on the lines' invoice keeps an invoice in one file.</summary>
    public async Task<Outcome> BuildAsync(int municipalityId, BillingMonth month, DateOnly collectionDate, string accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (DebitCalendar.Refusal(collectionDate, ParisClock.Today(now, ParisClock.Zone)) is { } refusal)
        {
            return new Outcome(null, refusal);
        }
        if (await CreditorAsync(municipalityId, ct) is not { } creditor)
        {
            return new Outcome(null, "Renseignez d'abord l'ICS, l'IBAN et le BIC de la collectivité dans les réglages ci-dessous.");
        }
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                var candidates = await CandidatesAsync(month, token, tracked: true);
                if (candidates.Count == 0)
                {
                    return new Outcome(null, "Aucune facture de ce mois n'est à prélever.");
                }
                var local = ParisClock.ToParis(now).DateTime;
                var messageId = $"PRLV-{month.FirstDay:yyyyMM}-{local:yyyyMMddHHmmss}";
                var transactions = candidates.Select(c => new DebitTransaction(c.Invoice.Number, Cents.From(c.Invoice.Remaining), c.Sequence,
                    c.Mandate.Reference, c.Mandate.SignedOn, c.Mandate.AccountHolder, mandates.OpenIban(c.Mandate), c.Mandate.Bic,
                    $"Facture {c.Invoice.Number} {c.Invoice.BillingMonth.Label} {creditor.Name}")).ToList();
                var file = Pain008.ToBytes(Pain008.Build(messageId, local, collectionDate, creditor, transactions));
                var batch = new DebitBatch
                {
                    MunicipalityId = municipalityId,
                    Month = month.FirstDay,
                    CollectionDate = collectionDate,
                    MessageId = messageId,
                    CreatedAtUtc = now.UtcDateTime,
                    CreatedByAccountId = accountId,
                    TransactionCount = candidates.Count,
                    Total = candidates.Sum(c => c.Invoice.Remaining),
                    SealedFile = sealer.Seal(file),
                    FileSha256 = Convert.ToHexStringLower(SHA256.HashData(file)),
                };
                foreach (var c in candidates)
                {
                    batch.Lines.Add(new DebitBatchLine
                    {
                        MunicipalityId = municipalityId,
                        InvoiceId = c.Invoice.Id,
                        MandateId = c.Mandate.Id,
                        Amount = c.Invoice.Remaining,
                        Sequence = c.Sequence,
                    });
                }
                foreach (var mandate in candidates.Select(c => c.Mandate).DistinctBy(m => m.Id))
                {
                    mandate.FirstDebitDone = true;
                }
                db.DebitBatches.Add(batch);
                await db.SaveChangesAsync(token);
                return new Outcome(batch.Id, null);
            }, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Outcome(null, "Un autre fichier de prélèvement vient d'être créé pour ces factures : rechargez la page.");
        }
    }

    public byte[] OpenFile(DebitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return sealer.Open(batch.SealedFile);
    }
}
