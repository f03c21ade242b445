using System.Net;
using static FamilyPortal.Tests.Features.Payments.PaymentKit;

namespace FamilyPortal.Tests.Features.Payments;

/// <summary>The payment service's anonymous addresses are limited per address: past the limit, 429 and nothing recorded.</summary>
public sealed class OnlinePaymentRateLimitTests
{
    private static async Task<HttpStatusCode> PostFromAsync(PortalFactory factory, string address, string path, string operationId)
    {
        var client = TestClientAddress.From(factory, address);
        using var response = await client.Http.PostAsync(path, new FormUrlEncodedContent([new("idOp", operationId)]));
        return response.StatusCode;
    }

    [Fact]
    public async Task Past_the_limit_a_notification_or_a_return_gets_429_and_records_nothing_while_other_addresses_go_on()
    {
        using var factory = PaymentsFactory.WithSettings(new Dictionary<string, string?>
        {
            ["RateLimits:paiement-en-ligne:PermitLimit"] = "2",
            ["RateLimits:paiement-en-ligne:WindowSeconds"] = "3600",
        });
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);
        await factory.Simulator.ChooseAsync(operationId, "P");
        const string flooder = "203.0.113.50";
        Assert.Equal(HttpStatusCode.NotFound, await PostFromAsync(factory, flooder, PaymentEndpoints.NotificationPath, "FORGE000001"));
        Assert.Equal(HttpStatusCode.NotFound, await PostFromAsync(factory, flooder, PaymentEndpoints.NotificationPath, "FORGE000002"));
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFromAsync(factory, flooder, PaymentEndpoints.NotificationPath, operationId));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFromAsync(factory, flooder, PaymentEndpoints.ReturnPath, operationId));

        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
        Assert.Equal(OnlinePaymentStatus.Pending, Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id)).Status);
        Assert.Empty(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));

        // The service, from its own address, is not held back by the flood.
        Assert.Equal(HttpStatusCode.OK, await PostFromAsync(factory, "198.51.100.7", PaymentEndpoints.NotificationPath, operationId));
        Assert.Equal(OnlinePaymentStatus.Paid, Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id)).Status);
        Assert.Single(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
    }
}
