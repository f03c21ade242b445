using System.Net;
using static FamilyPortal.Tests.Features.Payments.PaymentKit;

namespace FamilyPortal.Tests.Features.Payments;

/// <summary>
/// Notifications nobody should trust: forged, replayed, another collectivité's, or a result that does not match.
/// The portal believes only what the service answers for an operation id it created, in that payment's collectivité.
/// </summary>
public sealed class OnlinePaymentHostileTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    private static async Task<HttpStatusCode> PostAsync(PortalFactory factory, string path, params KeyValuePair<string, string>[] fields)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_forged_notification_is_not_found_and_posted_results_or_amounts_are_never_believed()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        Assert.Equal(HttpStatusCode.NotFound, await NotifyAsync(factory, "FORGE" + operationId));
        Assert.Equal(HttpStatusCode.NotFound, await NotifyAsync(factory, new string('1', 101)));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(factory, PaymentEndpoints.NotificationPath));
        // The real id with a result and an amount of the sender's choosing: the service has no result yet, so nothing moves.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(factory, PaymentEndpoints.NotificationPath,
            new("idOp", operationId), new("resultrans", "P"), new("montant", "1"), new("refdet", invoice.Number), new("numauto", "PIRATE")));

        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
        Assert.Equal(OnlinePaymentStatus.Pending, Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id)).Status);
    }

    [Fact]
    public async Task A_replayed_notification_records_nothing_more()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);
        await factory.Simulator.ChooseAsync(operationId, "P");
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, operationId));
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, operationId));
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, operationId));
        await ReturnAsync(parent, operationId);

        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
        Assert.Single(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.Equal(1, await ReceiptsAsync(factory, tenant.MunicipalityId));
    }

    [Fact]
    public async Task Another_collectivites_operation_id_pays_only_its_own_invoice_and_shows_nothing_to_this_parent()
    {
        var (mine, myInvoice, parent) = await UnpaidInvoiceAsync(factory);
        var (other, othersInvoice, otherParent) = await UnpaidInvoiceAsync(factory);
        var myOperation = await StartAsync(factory.Simulator, parent);
        var othersOperation = await StartAsync(factory.Simulator, otherParent);
        await factory.Simulator.ChooseAsync(othersOperation, "P");
        var mineBefore = await DatabaseFingerprint.OfMunicipalityAsync(factory, mine.MunicipalityId);

        // This collectivité's parent comes back, and the notification arrives, with the other collectivité's id.
        var shown = await ReturnAsync(parent, othersOperation);
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, othersOperation));

        Assert.Equal(HttpStatusCode.NotFound, (await parent.Http.GetAsync(shown)).StatusCode);
        var mineAfter = await DatabaseFingerprint.OfMunicipalityAsync(factory, mine.MunicipalityId);
        Assert.True(mineBefore.SequenceEqual(mineAfter), DatabaseFingerprint.Differences(mineBefore, mineAfter));
        Assert.Equal(0m, (await InvoiceAsync(factory, mine.MunicipalityId, myInvoice.Id)).Paid);
        Assert.Equal(OnlinePaymentStatus.Pending, Assert.Single(await OnlinePaymentsAsync(factory, mine.MunicipalityId, myInvoice.Id)).Status);
        // The other collectivité's invoice is paid once, by its own payment.
        Assert.Equal(othersInvoice.Total, (await InvoiceAsync(factory, other.MunicipalityId, othersInvoice.Id)).Paid);
        Assert.Single(await PaymentsAsync(factory, other.MunicipalityId, othersInvoice.Id));
        Assert.Empty(await PaymentsAsync(factory, mine.MunicipalityId, myInvoice.Id));
        Assert.NotEqual(myOperation, othersOperation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task A_result_for_more_than_was_asked_is_kept_for_staff_and_never_applied(long extraCents)
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);
        await factory.Simulator.ChooseAsync(operationId, "P", reportedCents: (long)(invoice.Remaining * 100) + extraCents);

        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, operationId));

        var online = Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.Equal(OnlinePaymentStatus.ToCheck, online.Status);
        Assert.StartsWith("Montant payé (", online.CheckReason, StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.Equal(0m, (await InvoiceAsync(factory, tenant.MunicipalityId, invoice.Id)).Paid);
        Assert.Contains("à vérifier", Invoices.BillingKit.TextOf(await parent.GetPageAsync($"/factures/paiement/{online.Id}")), StringComparison.Ordinal);
    }
}
