using System.Net;
using FamilyPortal.Tests.Features.Invoices;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Tests.Features.Payments;

/// <summary>A collectivité with PayFiP, one issued October invoice, its parent signed in, and the payment's first steps.</summary>
public static class PaymentKit
{
    public const string ClientNumber = "012345";

    public sealed record Setup(TenantBuilder.Tenant Tenant, Invoice Invoice, PageClient Parent);

    public static async Task<Setup> UnpaidInvoiceAsync(PaymentsFactory factory, string? clientNumber = ClientNumber)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Id == tenant.MunicipalityId);
            municipality.PayFipClientNumber = clientNumber;
            return await db.SaveChangesAsync();
        });
        await BillingKit.AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5]);
        await BillingKit.IssueAsync(factory, tenant.MunicipalityId);
        var invoice = (await BillingKit.InvoicesAsync(factory, tenant.MunicipalityId)).Single();
        return new Setup(tenant, invoice, await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId));
    }

    /// <summary>« Payer en ligne » on the invoice's line: the response as the parent receives it.</summary>
    public static async Task<HttpResponseMessage> PayAsync(PageClient parent) =>
        await parent.SubmitAsync(await parent.GetPageAsync("/factures"), "/factures", new Dictionary<string, string?>(), "handler=Pay");

    /// <summary>Starts the payment and returns the service's operation id, read from the address the parent is sent to.</summary>
    public static async Task<string> StartAsync(PayFipSimulatorProcess simulator, PageClient parent)
    {
        using var response = await PayAsync(parent);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.Headers.Location!;
        Assert.StartsWith(simulator.PaymentPageUrl, target.AbsoluteUri, StringComparison.Ordinal);
        return System.Web.HttpUtility.ParseQueryString(target.Query)["idop"]!;
    }

    /// <summary>The service's server-to-server notification: only the operation id, from no signed-in user.</summary>
    public static async Task<HttpStatusCode> NotifyAsync(PortalFactory factory, string operationId)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PostAsync(PaymentEndpoints.NotificationPath,
            new FormUrlEncodedContent([new("idOp", operationId)]));
        return response.StatusCode;
    }

    /// <summary>The payer coming back from the service's page, as its form posts it.</summary>
    public static async Task<string> ReturnAsync(PageClient parent, string operationId)
    {
        using var response = await parent.Http.PostAsync(PaymentEndpoints.ReturnPath,
            new FormUrlEncodedContent([new("idOp", operationId)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The online payments of the invoice (the tenant's seed has one « à vérifier » on an older one).</summary>
    public static Task<List<OnlinePayment>> OnlinePaymentsAsync(PortalFactory factory, int municipalityId, int invoiceId) =>
        factory.InTenantAsync(municipalityId, db => db.OnlinePayments.AsNoTracking()
            .Where(p => p.Invoices.Any(i => i.InvoiceId == invoiceId)).OrderBy(p => p.Id).ToListAsync());

    /// <summary>The payments of the invoice (the tenant's seed has a cheque on an older one).</summary>
    public static Task<List<Payment>> PaymentsAsync(PortalFactory factory, int municipalityId, int invoiceId) =>
        factory.InTenantAsync(municipalityId, db => db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).OrderBy(p => p.Id).ToListAsync());

    public static Task<Invoice> InvoiceAsync(PortalFactory factory, int municipalityId, int invoiceId) =>
        factory.InTenantAsync(municipalityId, db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoiceId));

    public static Task<int> ReceiptsAsync(PortalFactory factory, int municipalityId) =>
        factory.InTenantAsync(municipalityId, db => db.OutboxMessages.CountAsync(m => m.MunicipalityId == municipalityId && m.Subject.StartsWith("Paiement reçu")));
}
