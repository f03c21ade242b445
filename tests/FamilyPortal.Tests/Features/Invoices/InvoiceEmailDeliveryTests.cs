using FamilyPortal.Tests.Email;
using static FamilyPortal.Tests.Email.EmailTestKit;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Invoices;

public sealed class InvoiceEmailDeliveryTests
{
    [Fact]
    public async Task The_invoice_email_reaches_the_family_over_SMTP_with_the_amount_due_date_and_link()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = PortalFactory.With(Smtp(smtp.Port));
        var tenant = await TenantBuilder.CreateAsync(factory);
        await ReadAsync(factory, tenant.MunicipalityId, db =>
        {
            db.FamilyQuotients.RemoveRange(db.FamilyQuotients);
            return db.SaveChangesAsync();
        });
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2]);

        await IssueAsync(factory, tenant.MunicipalityId);
        Assert.Equal(1, await DispatchAsync(factory));

        var received = Assert.Single(smtp.Received);
        Assert.Equal(tenant.FamilyEmail, Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal($"Votre facture 2026-000001 – octobre 2026 – {tenant.Name}", received.Subject);
        var text = Normalize(received.TextBody!);
        Assert.Contains("La facture n° 2026-000001 d'octobre 2026 du foyer MARTIN est disponible sur votre espace famille.", text, StringComparison.Ordinal);
        Assert.Contains("Montant : 8,20 €, à régler avant le 16/12/2026.", text, StringComparison.Ordinal);
        Assert.Contains("le tarif de la tranche la plus haute a été appliqué", text, StringComparison.Ordinal);
        Assert.Contains("Voir mes factures : https://portail.exemple.test/factures", text, StringComparison.Ordinal);
    }
}
