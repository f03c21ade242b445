using System.Net;
using FamilyPortal.Tests.Features.DirectDebit;
using FamilyPortal.Tests.Features.Invoices;
using static FamilyPortal.Tests.Features.Payments.PaymentKit;

namespace FamilyPortal.Tests.Features.Payments;

/// <summary>« Payer en ligne » with PayFiP (its simulator, a process of its own): the result comes only from the service, once.</summary>
public sealed class OnlinePaymentTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task A_parent_pays_on_the_service_page_and_the_invoice_is_paid_once_with_a_receipt()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);

        // The payer's page of the service, as a browser would use it.
        using var payer = new HttpClient();
        var page = await payer.GetStringAsync(new Uri($"{factory.Simulator.PaymentPageUrl}?idop={operationId}"));
        Assert.Contains(BillingKit.Normalize(Money.Format(invoice.Remaining)), BillingKit.Normalize(page), StringComparison.Ordinal);
        using var chosen = await payer.PostAsync(new Uri($"{factory.Simulator.PaymentPageUrl}/choix"),
            new FormUrlEncodedContent([new("idop", operationId), new("resultat", "P")]));
        Assert.Contains(PaymentEndpoints.ReturnPath, await chosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, operationId));
        var result = await parent.GetPageAsync(await ReturnAsync(parent, operationId));
        var text = BillingKit.TextOf(result);
        Assert.Contains("Résultat : payée", text, StringComparison.Ordinal);

        var paid = await InvoiceAsync(factory, tenant.MunicipalityId, invoice.Id);
        Assert.Equal((invoice.Total, InvoiceStatus.Paid), (paid.Paid, paid.Status));
        var payment = Assert.Single(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.Equal((PaymentMeans.PayFip, invoice.Total), (payment.Means, payment.Amount));
        Assert.False(string.IsNullOrEmpty(payment.Reference));
        Assert.Contains($"transaction n° {payment.Reference}", text, StringComparison.Ordinal);
        Assert.Equal(1, await ReceiptsAsync(factory, tenant.MunicipalityId));
    }

    [Fact]
    public async Task While_its_debit_is_scheduled_an_invoice_is_neither_paid_online_or_at_the_desk_nor_credited_until_the_debit_is_rejected()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        await DirectDebitKit.OfferAsync(factory, tenant.MunicipalityId);
        await DirectDebitKit.MandateAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        using (var built = await DirectDebitKit.BuildAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        }

        var page = await parent.GetPageAsync("/factures");
        Assert.Contains("prélèvement prévu le 19/11/2026", BillingKit.TextOf(page), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Pay']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = await parent.Http.PostAsync("/factures?handler=Pay", new FormUrlEncodedContent(
            [new("invoiceIds", invoice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Conflict, forced.StatusCode);
        Assert.Contains(OnlinePaymentStart.DebitScheduled, BillingKit.TextOf(await PageClient.ParseAsync(forced)), StringComparison.Ordinal);
        Assert.Empty(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));

        var details = $"/admin/factures/{invoice.Id}";
        var atTheDesk = await admin.PostFormAsync(details, new Dictionary<string, string?>
        {
            ["Payment.Date"] = "2026-11-16",
            ["Payment.Amount"] = "4,00",
            ["Payment.Means"] = "Cheque",
            ["Payment.Reference"] = "CHQ 1234567",
        }, formAction: "handler=Payment");
        Assert.Equal(HttpStatusCode.OK, atTheDesk.StatusCode);
        Assert.Contains(InvoiceLedger.DebitScheduled(DirectDebitKit.Collection), BillingKit.Normalize((await PageClient.ParseAsync(atTheDesk)).Body!.TextContent), StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        var credit = await admin.PostFormAsync(details, new Dictionary<string, string?> { ["Credit.Amount"] = "4,10", ["Credit.Reason"] = "Repas facturé à tort" }, "handler=CreditNote");
        Assert.Contains(InvoiceLedger.DebitScheduled(DirectDebitKit.Collection), BillingKit.Normalize((await PageClient.ParseAsync(credit)).Body!.TextContent), StringComparison.Ordinal);
        Assert.Equal(0m, (await InvoiceAsync(factory, tenant.MunicipalityId, invoice.Id)).Credited);

        var batch = (await DirectDebitKit.BatchesAsync(factory, tenant.MunicipalityId)).Single();
        using (var rejected = await admin.PostFormAsync($"/admin/prelevements/fichiers/{batch.Id}", new Dictionary<string, string?> { ["Reason"] = "AM04" }, "/Reject"))
        {
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        }
        Assert.Single((await parent.GetPageAsync("/factures")).QuerySelectorAll("form[action*='handler=Pay']"));
    }

    [Fact]
    public async Task Two_notifications_and_the_return_at_the_same_moment_record_the_payment_once()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);
        await factory.Simulator.ChooseAsync(operationId, "P");

        await Task.WhenAll(
            NotifyAsync(factory, operationId), NotifyAsync(factory, operationId),
            ReturnAsync(parent, operationId), NotifyAsync(factory, operationId));

        Assert.Single(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.Equal(invoice.Total, (await InvoiceAsync(factory, tenant.MunicipalityId, invoice.Id)).Paid);
        Assert.Equal(OnlinePaymentStatus.Paid, Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id)).Status);
        Assert.Equal(1, await ReceiptsAsync(factory, tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_return_before_the_notification_asks_the_service_and_shows_the_truth()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);

        // Back before choosing anything: the service has no result yet.
        var pending = BillingKit.TextOf(await parent.GetPageAsync(await ReturnAsync(parent, operationId)));
        Assert.Contains("Résultat : en cours", pending, StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));

        await factory.Simulator.ChooseAsync(operationId, "P");
        var online = Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        var text = BillingKit.TextOf(await parent.GetPageAsync($"/factures/paiement/{online.Id}"));
        Assert.Contains("Résultat : payée", text, StringComparison.Ordinal);
        Assert.Equal(invoice.Total, (await InvoiceAsync(factory, tenant.MunicipalityId, invoice.Id)).Paid);
    }

    [Theory]
    [InlineData("R", "Résultat : refusée")]
    [InlineData("A", "Résultat : abandonnée")]
    public async Task A_refused_or_abandoned_payment_changes_nothing_and_can_be_tried_again(string result, string shown)
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);
        await factory.Simulator.ChooseAsync(operationId, result);

        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, operationId));
        Assert.Contains(shown, BillingKit.TextOf(await parent.GetPageAsync(await ReturnAsync(parent, operationId))), StringComparison.Ordinal);
        Assert.Equal(0m, (await InvoiceAsync(factory, tenant.MunicipalityId, invoice.Id)).Paid);
        Assert.Empty(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.NotEqual(operationId, await StartAsync(factory.Simulator, parent));
    }

    [Fact]
    public async Task A_result_for_another_amount_is_kept_for_staff_and_never_applied()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);
        await factory.Simulator.ChooseAsync(operationId, "P", reportedCents: (long)(invoice.Remaining * 100) - 1);

        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, operationId));

        var online = Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.Equal(OnlinePaymentStatus.ToCheck, online.Status);
        Assert.Contains("Montant payé", online.CheckReason, StringComparison.Ordinal);
        Assert.Empty(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.Equal(0m, (await InvoiceAsync(factory, tenant.MunicipalityId, invoice.Id)).Paid);
    }

    [Fact]
    public async Task A_second_tab_is_refused_while_the_first_runs_and_an_invoice_paid_meanwhile_is_never_paid_twice()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory);
        var operationId = await StartAsync(factory.Simulator, parent);

        using var second = await PayAsync(parent);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(OnlinePaymentStart.AlreadyStarted, BillingKit.Normalize(System.Net.WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));

        // The town hall records a cheque for the whole invoice while the online payment is still open.
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            var paid = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Invoices, i => i.Id == invoice.Id);
            paid.Paid = paid.Total;
            paid.Status = InvoiceStatus.Paid;
            return await db.SaveChangesAsync();
        });
        await factory.Simulator.ChooseAsync(operationId, "P");
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(factory, operationId));

        var online = Assert.Single(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
        Assert.Equal(OnlinePaymentStatus.ToCheck, online.Status);
        Assert.Contains("n'avait plus que", online.CheckReason, StringComparison.Ordinal);
        Assert.Equal(invoice.Total, (await InvoiceAsync(factory, tenant.MunicipalityId, invoice.Id)).Paid);
        Assert.Empty(await PaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
    }

    [Fact]
    public async Task Without_a_client_number_there_is_no_online_payment_and_nothing_is_written()
    {
        var (tenant, invoice, parent) = await UnpaidInvoiceAsync(factory, clientNumber: null);
        Assert.DoesNotContain("Payer en ligne", BillingKit.TextOf(await parent.GetPageAsync("/factures")), StringComparison.Ordinal);

        // The form of a page seen before the collectivité withdrew online payment.
        using var refused = await parent.Http.PostAsync("/factures?handler=Pay", new FormUrlEncodedContent([
            new("invoiceIds", invoice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", (await parent.GetPageAsync("/factures")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(OnlinePaymentStart.NotOffered, System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await OnlinePaymentsAsync(factory, tenant.MunicipalityId, invoice.Id));
    }

    [Fact]
    public async Task Another_familys_invoice_cannot_be_paid_and_an_unknown_operation_is_not_found()
    {
        var (_, _, parent) = await UnpaidInvoiceAsync(factory);
        var (other, otherInvoice, _) = await UnpaidInvoiceAsync(factory);

        var page = await parent.GetPageAsync("/factures");
        using var response = await parent.SubmitAsync(page, "/factures", new Dictionary<string, string?> { ["invoiceIds"] = otherInvoice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "handler=Pay");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await OnlinePaymentsAsync(factory, other.MunicipalityId, otherInvoice.Id));
        Assert.Equal(HttpStatusCode.NotFound, await NotifyAsync(factory, "inconnu0123"));
    }
}
