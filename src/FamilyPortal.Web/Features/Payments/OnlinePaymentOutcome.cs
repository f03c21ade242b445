using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Payments;

/// <summary>
/// Records the result of an online payment, asked of the service itself, once: whoever comes first (the service's
/// notification, the parent's return, a second notification) applies it; the others find it done. A result that
/// does not match what was asked, or that would pay an invoice below zero, is kept « à vérifier » and never applied.
/// </summary>
public sealed class OnlinePaymentOutcome(
    FamilyPortalDbContext db, IOnlinePaymentProvider provider, PaymentEmails emails, TimeProvider time, ILogger<OnlinePaymentOutcome> logger)
{
    /// <summary>The payment of this operation id with its result as known now; null for an unknown id.</summary>
    public async Task<OnlinePayment?> RecordAsync(string operationId, CancellationToken ct)
    {
        var found = await db.OnlinePayments.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .SingleOrDefaultAsync(p => p.Provider == provider.Name && p.OperationId == operationId, ct);
        if (found is null)
        {
            return null;
        }
        db.Tenant.Enter(found.MunicipalityId);
        if (found.Status != OnlinePaymentStatus.Pending)
        {
            return found;
        }
        var outcome = await provider.FetchAsync(operationId, ct);
        if (outcome is null)
        {
            return found;
        }
        var (status, reason) = Judge(found, outcome);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ClaimAndApplyAsync(found.Id, status, reason, outcome, ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // An agent recorded a payment on one of the invoices at that very moment: the transaction rolled back, try again.
                db.ChangeTracker.Clear();
            }
        }
        return await db.OnlinePayments.AsNoTracking().SingleAsync(p => p.Id == found.Id, ct);
    }

    private Task<int> ClaimAndApplyAsync(int paymentId, OnlinePaymentStatus status, string? reason, PaymentOutcome outcome, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            // Only the first to move it out of « en cours » applies the result.
            var claimed = await db.OnlinePayments
                .Where(p => p.Id == paymentId && p.Status == OnlinePaymentStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Status, status)
                    .SetProperty(p => p.CompletedAtUtc, time.GetUtcNow().UtcDateTime)
                    .SetProperty(p => p.TransactionNumber, outcome.TransactionNumber)
                    .SetProperty(p => p.CheckReason, reason), token);
            if (claimed == 1 && status == OnlinePaymentStatus.Paid)
            {
                await ApplyAsync(paymentId, outcome.TransactionNumber, token);
            }
            return claimed;
        }, ct);

    private static (OnlinePaymentStatus Status, string? Reason) Judge(OnlinePayment payment, PaymentOutcome outcome)
    {
        var status = PayFipRules.Status(outcome.ResultCode);
        if (status == OnlinePaymentStatus.ToCheck)
        {
            return (status, $"Résultat inconnu du service : « {outcome.ResultCode} ».");
        }
        if (status != OnlinePaymentStatus.Paid)
        {
            return (status, null);
        }
        if (outcome.ClientNumber != payment.ClientNumber || outcome.Reference != payment.Reference
            || outcome.Year != payment.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return (OnlinePaymentStatus.ToCheck, $"Le service a payé une autre dette (client {outcome.ClientNumber}, référence {outcome.Reference}, exercice {outcome.Year}).");
        }
        if (outcome.AmountCents != PayFipRules.Cents(payment.Amount))
        {
            return (OnlinePaymentStatus.ToCheck, $"Montant payé ({Cents(outcome.AmountCents)}) différent du montant demandé ({Money.Format(payment.Amount)}).");
        }
        return (status, null);
    }

    /// <summary>Adds the payment to each invoice; if one no longer has that much to pay, nothing is applied and staff check it.</summary>
    private async Task ApplyAsync(int paymentId, string? transactionNumber, CancellationToken ct)
    {
        var payment = await db.OnlinePayments.Include(p => p.Invoices).SingleAsync(p => p.Id == paymentId, ct);
        var invoiceIds = payment.Invoices.Select(i => i.InvoiceId).ToList();
        var invoices = await db.Invoices.Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var shortfall = payment.Invoices.FirstOrDefault(part => invoices[part.InvoiceId].Remaining < part.Amount);
        if (shortfall is not null)
        {
            var invoice = invoices[shortfall.InvoiceId];
            payment.Status = OnlinePaymentStatus.ToCheck;
            payment.CheckReason = $"La facture {invoice.Number} n'avait plus que {Money.Format(invoice.Remaining)} à payer : paiement à rembourser ou à affecter par la mairie.";
            logger.LogWarning("Paiement en ligne {PaymentId} à vérifier : facture {InvoiceId} déjà réglée", payment.Id, invoice.Id);
            await db.SaveChangesAsync(ct);
            return;
        }
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        foreach (var part in payment.Invoices)
        {
            var invoice = invoices[part.InvoiceId];
            db.Payments.Add(new Payment
            {
                MunicipalityId = payment.MunicipalityId,
                InvoiceId = invoice.Id,
                Date = today,
                Amount = part.Amount,
                Means = PaymentMeans.PayFip,
                Reference = transactionNumber,
                RecordedAtUtc = time.GetUtcNow().UtcDateTime,
            });
            invoice.Paid += part.Amount;
            invoice.Status = InvoiceStatuses.Of(invoice.Total, invoice.Credited, invoice.Paid);
            // Raises the version: an agent recording a payment on the same invoice meanwhile is told it changed.
            db.SaveOnlyOverVersion(invoice, invoice.Version);
        }
        await emails.ReceiptAsync(payment, invoices.Values.ToList(), ct);
        await db.SaveChangesAsync(ct);
    }

    private static string Cents(long? cents) => cents is { } value ? Money.Format(value / 100m) : "inconnu";
}
