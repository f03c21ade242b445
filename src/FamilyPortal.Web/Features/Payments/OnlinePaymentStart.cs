using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Payments;

/// <summary>
/// « Payer en ligne »: checks what the parent may pay, records the payment as « en cours », creates it with the
/// service and gives the address of the service's payment page.
/// </summary>
public sealed class OnlinePaymentStart(
    FamilyPortalDbContext db, IOnlinePaymentProvider provider, PublicLinks links, DirectDebitSchedule debits, TimeProvider time,
    ILogger<OnlinePaymentStart> logger)
{
    public const string NotOffered = "Le paiement en ligne n'est pas proposé par votre collectivité : adressez-vous à la mairie.";
    public const string NothingToPay = "Cette facture n'a plus rien à payer.";
    public const string OneAtATime = "Votre collectivité n'accepte qu'une facture par paiement en ligne : payez-les une à une.";
    public const string AlreadyStarted = "Un paiement en ligne de cette facture est déjà en cours. Terminez-le, ou réessayez dans quelques minutes.";
    public const string DebitScheduled = "Cette facture sera prélevée sur votre compte à la date indiquée : elle ne se paie pas en ligne. Si le prélèvement est rejeté, vous pourrez la payer ici.";
    public const string ServiceUnavailable = "Le service de paiement en ligne ne répond pas pour le moment. Réessayez dans quelques minutes ; rien n'a été payé.";

    /// <summary>A payment left « en cours » longer than this no longer blocks a new one (the service's page has expired).</summary>
    public static readonly TimeSpan PendingBlocksFor = TimeSpan.FromMinutes(20);

    public sealed record Started(Uri? PayerUrl, string? Refusal);

    public async Task<Started> StartAsync(int familyId, string accountId, string email, IReadOnlyCollection<int> invoiceIds, CancellationToken ct)
    {
        // Another family's invoice is not found, whatever the collectivité offers.
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.FamilyId == familyId && invoiceIds.Contains(i.Id)).ToListAsync(ct);
        if (invoices.Count != invoiceIds.Count || invoices.Count == 0)
        {
            throw new KeyNotFoundException();
        }
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == db.CurrentMunicipalityId, ct);
        if (!PayFipRules.IsClientNumber(municipality.PayFipClientNumber))
        {
            return new Started(null, NotOffered);
        }
        if (invoiceIds.Count > 1 && !municipality.PayFipSeveralInvoices)
        {
            return new Started(null, OneAtATime);
        }
        if (invoices.Any(i => i.Remaining <= 0))
        {
            return new Started(null, NothingToPay);
        }
        // The bank will take it on the collection date: paid here too, it would be paid twice.
        if ((await debits.ForInvoicesAsync(invoiceIds, ct)).Count > 0)
        {
            return new Started(null, DebitScheduled);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - PendingBlocksFor;
        var busy = await db.OnlinePaymentInvoices.AsNoTracking()
            .Where(l => invoiceIds.Contains(l.InvoiceId))
            .Join(db.OnlinePayments.Where(p => p.Status == OnlinePaymentStatus.Pending && p.CreatedAtUtc > since), l => l.OnlinePaymentId, p => p.Id, (l, p) => p.Id)
            .AnyAsync(ct);
        if (busy)
        {
            return new Started(null, AlreadyStarted);
        }
        var total = invoices.Sum(i => i.Remaining);
        if (PayFipRules.Cents(total) is not { } cents || cents < PayFipRules.MinimumCents || cents > PayFipRules.MaximumCents)
        {
            return new Started(null, $"Ce montant ({Money.Format(total)}) ne peut pas être payé en ligne : adressez-vous à la mairie.");
        }
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        var payment = new OnlinePayment
        {
            MunicipalityId = municipality.Id,
            FamilyId = familyId,
            AccountId = accountId,
            Provider = provider.Name,
            ClientNumber = municipality.PayFipClientNumber!,
            Year = today.Year,
            Reference = invoices.Count == 1 ? PayFipRules.DebtReference(invoices[0].Number) : "",
            Amount = total,
            Email = email,
            CreatedAtUtc = now,
        };
        payment.Invoices.AddRange(invoices.Select(i => new OnlinePaymentInvoice { MunicipalityId = municipality.Id, InvoiceId = i.Id, Amount = i.Remaining }));
        db.OnlinePayments.Add(payment);
        await db.SaveChangesAsync(ct);
        if (payment.Reference.Length == 0)
        {
            // Several invoices: the reference is the payment's own number.
            payment.Reference = PayFipRules.DebtReference($"PAIEMENT{payment.Id}");
        }
        var subject = invoices.Count == 1
            ? $"Facture {invoices[0].Number} {municipality.ShortName}"
            : $"Factures {string.Join(" ", invoices.Select(i => i.Number))} {municipality.ShortName}";
        try
        {
            var started = await provider.StartAsync(new PaymentOrder(
                payment.ClientNumber, municipality.PayFipMode, payment.Year, payment.Reference, PayFipRules.Subject(subject), cents, email,
                new Uri(links.Absolute(PaymentEndpoints.NotificationPath)), new Uri(links.Absolute(PaymentEndpoints.ReturnPath))), ct);
            payment.OperationId = started.OperationId;
            await db.SaveChangesAsync(ct);
            return new Started(started.PayerUrl, null);
        }
        catch (PaymentProviderException ex)
        {
            logger.LogWarning(ex, "Paiement en ligne {PaymentId} non créé par {Provider}", payment.Id, provider.Name);
            payment.Status = OnlinePaymentStatus.Abandoned;
            payment.CompletedAtUtc = now;
            await db.SaveChangesAsync(CancellationToken.None);
            return new Started(null, ServiceUnavailable);
        }
    }
}
