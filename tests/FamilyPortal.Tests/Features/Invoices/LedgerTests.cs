using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Invoices;

/// <summary>Payments and credit notes on an invoice of October 2026 for three meals (12,30 €).</summary>
public class LedgerTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private async Task<(TenantBuilder.Tenant Tenant, Invoice Invoice, PageClient Agent)> IssuedAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5]);
        await IssueAsync(factory, tenant.MunicipalityId);
        var invoice = Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId));
        return (tenant, invoice, await StaffAsync(factory, tenant.MunicipalityId));
    }

    private static Dictionary<string, string?> PaymentForm(string amount, string means = "Cheque", string date = "2026-11-16") => new()
    {
        ["Payment.Date"] = date,
        ["Payment.Amount"] = amount,
        ["Payment.Means"] = means,
        ["Payment.Reference"] = "CHQ 1234567",
    };

    private Task<Invoice> ReloadAsync(TenantBuilder.Tenant tenant, int id) =>
        ReadAsync(factory, tenant.MunicipalityId, db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == id));

    private Task<List<Payment>> PaymentsAsync(TenantBuilder.Tenant tenant, int id) =>
        ReadAsync(factory, tenant.MunicipalityId, db => db.Payments.AsNoTracking().Where(p => p.InvoiceId == id).ToListAsync());

    [Fact]
    public async Task Payments_make_the_invoice_partially_paid_then_paid()
    {
        var (tenant, invoice, agent) = await IssuedAsync();
        var url = $"/admin/factures/{invoice.Id}";

        var first = await agent.PostFormAsync(url, PaymentForm("5,00"), formAction: "handler=Payment");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal((5.00m, InvoiceStatus.PartiallyPaid), ((await ReloadAsync(tenant, invoice.Id)).Paid, (await ReloadAsync(tenant, invoice.Id)).Status));
        var page = await agent.GetPageAsync(url);
        Assert.Contains("Le paiement de 5,00 € est enregistré.", TextOf(page), StringComparison.Ordinal);
        Assert.Contains("partiellement payée — reste à payer : 7,30 €", TextOf(page), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(url, PaymentForm("7.30", "Cesu"), formAction: "handler=Payment")).StatusCode);

        var paid = await ReloadAsync(tenant, invoice.Id);
        Assert.Equal((12.30m, InvoiceStatus.Paid, 0m), (paid.Paid, paid.Status, paid.Remaining));
        Assert.Equal([(5.00m, PaymentMeans.Cheque, "CHQ 1234567"), (7.30m, PaymentMeans.Cesu, "CHQ 1234567")],
            (await PaymentsAsync(tenant, invoice.Id)).OrderBy(p => p.Id).Select(p => (p.Amount, p.Means, p.Reference)));
        Assert.Equal((12.30m, 3), (paid.Total, paid.Lines.Single().Quantity));
    }

    [Theory]
    [InlineData("Payment.Amount", "12,31", "Le montant dépasse le reste à payer (12,30 €).")]
    [InlineData("Payment.Amount", "douze", "Saisissez le montant reçu en euros, par exemple 12,50.")]
    [InlineData("Payment.Amount", "0", "Le montant doit être supérieur à 0.")]
    [InlineData("Payment.Date", "2026-11-17", "La date du paiement ne peut pas être dans le futur.")]
    [InlineData("Payment.Means", "Bitcoin", "Choisissez le moyen de paiement dans la liste.")]
    public async Task A_wrong_payment_is_refused_next_to_its_field_and_nothing_is_recorded(string field, string value, string message)
    {
        var (tenant, invoice, agent) = await IssuedAsync();
        var form = PaymentForm("4,00");
        form[field] = value;

        var response = await agent.PostFormAsync($"/admin/factures/{invoice.Id}", form, formAction: "handler=Payment");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Normalize(PageClient.ErrorOf(await PageClient.ParseAsync(response), field)));
        Assert.Empty(await PaymentsAsync(tenant, invoice.Id));
        Assert.Equal((0m, InvoiceStatus.ToPay), ((await ReloadAsync(tenant, invoice.Id)).Paid, (await ReloadAsync(tenant, invoice.Id)).Status));
    }

    [Fact]
    public async Task Two_agents_recording_the_last_payment_from_the_same_page_cannot_both_succeed()
    {
        var (tenant, invoice, agent) = await IssuedAsync();
        var colleague = await StaffAsync(factory, tenant.MunicipalityId);
        var url = $"/admin/factures/{invoice.Id}";
        var mine = await agent.GetPageAsync(url);
        var theirs = await colleague.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SubmitAsync(theirs, url, PaymentForm("12,30"), "handler=Payment")).StatusCode);
        var late = await agent.SubmitAsync(mine, url, PaymentForm("12,30", "Cash"), "handler=Payment");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Cette facture a été modifiée entre-temps", TextOf(await PageClient.ParseAsync(late)), StringComparison.Ordinal);
        Assert.Equal([PaymentMeans.Cheque], (await PaymentsAsync(tenant, invoice.Id)).Select(p => p.Means));
        Assert.Equal(12.30m, (await ReloadAsync(tenant, invoice.Id)).Paid);
    }

    [Fact]
    public async Task Credit_notes_refer_to_the_invoice_take_their_own_gapless_numbers_and_leave_the_invoice_unchanged()
    {
        var (tenant, invoice, agent) = await IssuedAsync();
        var url = $"/admin/factures/{invoice.Id}";

        var first = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Credit.Amount"] = "4,10", ["Credit.Reason"] = "Repas du 05/10 facturé à tort" }, "handler=CreditNote");
        var second = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Credit.Amount"] = "1", ["Credit.Reason"] = "Geste commercial" }, "handler=CreditNote");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var notes = await ReadAsync(factory, tenant.MunicipalityId, db => db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == invoice.Id).OrderBy(c => c.Sequence).ToListAsync());
        Assert.Equal([("AV-2026-000001", 4.10m, "Repas du 05/10 facturé à tort"), ("AV-2026-000002", 1.00m, "Geste commercial")],
            notes.Select(c => (c.Number, c.Amount, c.Reason)));
        var after = await ReloadAsync(tenant, invoice.Id);
        Assert.Equal((invoice.Number, 12.30m, 5.10m, 7.20m, InvoiceStatus.ToPay), (after.Number, after.Total, after.Credited, after.Remaining, after.Status));
        Assert.Equal(12.30m, after.Lines.Single().Amount);
        var page = TextOf(await agent.GetPageAsync(url));
        Assert.Contains("AV-2026-000002", page, StringComparison.Ordinal);
        Assert.Contains("reste à payer : 7,20 €", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credit_note_above_what_the_invoice_still_bills_is_refused_and_takes_no_number()
    {
        var (tenant, invoice, agent) = await IssuedAsync();

        var response = await agent.PostFormAsync($"/admin/factures/{invoice.Id}",
            new Dictionary<string, string?> { ["Credit.Amount"] = "12,31", ["Credit.Reason"] = "Erreur" }, "handler=CreditNote");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("L'avoir ne peut pas dépasser le montant restant de la facture (12,30 €).", Normalize(PageClient.ErrorOf(await PageClient.ParseAsync(response), "Credit.Amount")));
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.CreditNotes.AnyAsync(c => c.InvoiceId == invoice.Id)));
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.DocumentCounters.AnyAsync(c => c.Series == DocumentSeries.CreditNote && c.Year == 2026 && c.Last > 0)));

        var fully = await agent.PostFormAsync($"/admin/factures/{invoice.Id}",
            new Dictionary<string, string?> { ["Credit.Amount"] = "12,30", ["Credit.Reason"] = "Mois annulé" }, "handler=CreditNote");
        Assert.Equal(HttpStatusCode.Redirect, fully.StatusCode);
        Assert.Equal(InvoiceStatus.Cancelled, (await ReloadAsync(tenant, invoice.Id)).Status);
    }
}
