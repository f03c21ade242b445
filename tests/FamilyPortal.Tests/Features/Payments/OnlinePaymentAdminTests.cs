using System.Net;
using FamilyPortal.Tests.Features.Invoices;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Tests.Features.Payments;

/// <summary>« Paiement en ligne » for staff: PayFiP settings (administrators) and the payments « à vérifier ».</summary>
public sealed class OnlinePaymentAdminTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/factures/paiement-en-ligne";

    [Fact]
    public async Task An_administrator_sets_the_client_number_mode_and_several_invoices()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);

        using var response = await admin.PostFormAsync(Url, new Dictionary<string, string?>
        {
            ["Input.ClientNumber"] = "123456",
            ["Input.Mode"] = "Production",
            ["Input.SeveralInvoices"] = "true",
        }, "/Settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.InTenantAsync(tenant.MunicipalityId, db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == tenant.MunicipalityId));
        Assert.Equal(("123456", PayFipMode.Production, true), (saved.PayFipClientNumber, saved.PayFipMode, saved.PayFipSeveralInvoices));
    }

    [Theory]
    [InlineData("12345", "Production", "Input.ClientNumber", "compte 6 chiffres")]
    [InlineData("12345A", "Production", "Input.ClientNumber", "compte 6 chiffres")]
    [InlineData("123456", "Gratuit", "Input.Mode", "Choisissez un mode")]
    public async Task A_wrong_setting_is_refused_in_french_and_nothing_is_written(string number, string mode, string field, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        using var response = await admin.PostFormAsync(Url, new Dictionary<string, string?> { ["Input.ClientNumber"] = number, ["Input.Mode"] = mode }, "/Settings");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field), StringComparison.Ordinal);
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task A_payment_to_check_is_listed_with_its_reason_until_an_administrator_says_what_was_done()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var text = BillingKit.TextOf(await admin.GetPageAsync(Url));
        Assert.Contains("Paiements à vérifier (1)", text, StringComparison.Ordinal);
        Assert.Contains("Montant payé différent du montant demandé.", text, StringComparison.Ordinal);

        using var empty = await admin.PostFormAsync(Url, new Dictionary<string, string?> { ["Note"] = " " }, "/Checked");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Dites en quelques mots", PageClient.ErrorOf(await PageClient.ParseAsync(empty), "Note"), StringComparison.Ordinal);

        using var done = await admin.PostFormAsync(Url, new Dictionary<string, string?> { ["Note"] = "Remboursé par la régie le 3 août" }, "/Checked");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var payment = await factory.InTenantAsync(tenant.MunicipalityId, db => db.OnlinePayments.AsNoTracking().SingleAsync());
        Assert.Equal("Remboursé par la régie le 3 août", payment.CheckNote);
        Assert.NotNull(payment.CheckedAtUtc);
        Assert.Contains("Paiements à vérifier (0)", BillingKit.TextOf(await admin.GetPageAsync(Url)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_sees_the_payments_but_not_the_settings_form()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var page = await agent.GetPageAsync(Url);
        Assert.Contains("Seuls les administrateurs modifient ces réglages.", BillingKit.TextOf(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Input.ClientNumber']"));
        Assert.Null(page.QuerySelector("input[name=Note]"));
    }
}
