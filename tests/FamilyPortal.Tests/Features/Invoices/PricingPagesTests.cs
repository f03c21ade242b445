using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Invoices;

/// <summary>Tranches and prices (administrators), a family's quotient, and late cancellations made free.</summary>
public class PricingPagesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string BracketsUrl = "/admin/factures/tranches";

    private Task<List<(string Label, int Min)>> BracketsAsync(int municipalityId) =>
        ReadAsync(factory, municipalityId, async db => (await db.QuotientBrackets.AsNoTracking().OrderBy(b => b.MinQuotient)
            .Select(b => new { b.Label, b.MinQuotient }).ToListAsync()).Select(b => (b.Label, b.MinQuotient)).ToList());

    [Fact]
    public async Task An_administrator_adds_a_tranche_and_prices_it_and_the_next_invoices_use_it()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);

        var created = await admin.PostFormAsync(BracketsUrl, new Dictionary<string, string?> { ["Input.Label"] = "Tranche B", ["Input.MinQuotient"] = "400" }, "handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await admin.GetPageAsync(BracketsUrl);
        Assert.Equal(["Tranche A de 0 à 399 € Supprimer la tranche Tranche A", "Tranche B 400 € et plus Supprimer la tranche Tranche B"],
            page.QuerySelectorAll("table tbody tr").Take(2).Select(r => Normalize(r.TextContent)));
        var bracketB = await ReadAsync(factory, tenant.MunicipalityId, db => db.QuotientBrackets.Where(b => b.Label == "Tranche B").Select(b => b.Id).SingleAsync());
        var bracketA = await ReadAsync(factory, tenant.MunicipalityId, db => db.QuotientBrackets.Where(b => b.Label == "Tranche A").Select(b => b.Id).SingleAsync());

        var saved = await admin.SubmitAsync(page, BracketsUrl, new Dictionary<string, string?>
        {
            [$"Prices[a{tenant.ActivityId}t{bracketA}]"] = "2,5",
            [$"Prices[a{tenant.ActivityId}t{bracketB}]"] = "3.125",
        }, "handler=Prices");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([(bracketA, 2.50m), (bracketB, 3.125m)], await ReadAsync(factory, tenant.MunicipalityId, async db =>
            (await db.BracketPrices.AsNoTracking().OrderBy(p => p.Price).ToListAsync()).Select(p => (p.BracketId, p.Price)).ToList()));

        // The family's quotient (500 €) is in « Tranche B »: 3 days at 3,125 € make 9,375 € → 9,38 €.
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5]);
        await IssueAsync(factory, tenant.MunicipalityId);
        var line = Assert.Single(Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId)).Lines);
        Assert.Equal((3.125m, 9.38m, "Tranche B"), (line.UnitPrice, line.Amount, line.Bracket));
    }

    [Theory]
    [InlineData("Input.Label", "", "Donnez un nom à la tranche, par exemple « Tranche A » (50 caractères au plus).")]
    [InlineData("Input.Label", "tranche a", "Une tranche porte déjà ce nom.")]
    [InlineData("Input.MinQuotient", "0", "Une tranche commence déjà à ce quotient.")]
    [InlineData("Input.MinQuotient", "-5", "Saisissez le quotient de début de la tranche en euros, un nombre entier de 0 à 99999.")]
    public async Task A_wrong_tranche_is_refused_next_to_its_field_and_nothing_is_written(string field, string value, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var form = new Dictionary<string, string?> { ["Input.Label"] = "Tranche Z", ["Input.MinQuotient"] = "900" };
        form[field] = value;

        var response = await admin.PostFormAsync(BracketsUrl, form, "handler=Create");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal([(BillingRows.BracketLabel, 0)], await BracketsAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_wrong_price_is_refused_and_no_price_changes()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var bracketA = await ReadAsync(factory, tenant.MunicipalityId, db => db.QuotientBrackets.Select(b => b.Id).SingleAsync());

        var response = await admin.PostFormAsync(BracketsUrl, new Dictionary<string, string?> { [$"Prices[a{tenant.ActivityId}t{bracketA}]"] = "gratuit" }, "handler=Prices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("GT - RESTAURATION, Tranche A : saisissez un prix en euros, par exemple 3,20 (trois décimales au plus), ou laissez vide.",
            TextOf(await PageClient.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Equal(4.10m, await ReadAsync(factory, tenant.MunicipalityId, db => db.BracketPrices.Select(p => p.Price).SingleAsync()));
    }

    [Fact]
    public async Task Prices_are_for_administrators_only()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(BracketsUrl)).StatusCode);
        Assert.Null((await agent.GetPageAsync("/admin/factures")).QuerySelector($"a[href='{BracketsUrl}']"));
    }

    [Fact]
    public async Task Staff_record_a_family_quotient_and_overlapping_periods_are_refused()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var url = $"/admin/familles/{tenant.FamilyId}/quotient";
        Assert.NotNull((await agent.GetPageAsync($"/admin/familles/{tenant.FamilyId}")).QuerySelector($"a[href='{url}']"));

        var overlapping = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Input.Value"] = "820", ["Input.ValidFrom"] = "2027-01-01", ["Input.ValidTo"] = "2027-12-31" }, "handler=Create");
        Assert.Equal(HttpStatusCode.OK, overlapping.StatusCode);
        Assert.Equal("Cette période chevauche le quotient valide du 01/09/2025 au 31/08/2027 : supprimez-le d'abord ou choisissez d'autres dates.",
            PageClient.ErrorOf(await PageClient.ParseAsync(overlapping), "Input.ValidFrom"));
        var bad = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Input.Value"] = "huit cents", ["Input.ValidFrom"] = "2027-09-01", ["Input.ValidTo"] = "2028-08-31" }, "handler=Create");
        Assert.Equal("Saisissez le quotient familial en euros, un nombre entier, par exemple 620.", PageClient.ErrorOf(await PageClient.ParseAsync(bad), "Input.Value"));
        Assert.Equal(1, await ReadAsync(factory, tenant.MunicipalityId, db => db.FamilyQuotients.CountAsync()));

        var saved = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Input.Value"] = "820", ["Input.ValidFrom"] = "2027-09-01", ["Input.ValidTo"] = "2028-08-31" }, "handler=Create");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = (await agent.GetPageAsync(url)).QuerySelectorAll("tbody tr").Select(r => Normalize(r.TextContent)).ToList();
        Assert.Equal(["820 € 01/09/2027 31/08/2028 Tranche A À venir Supprimer le quotient du 01/09/2027", "500 € 01/09/2025 31/08/2027 Tranche A En cours Supprimer le quotient du 01/09/2025"], rows);
    }

    [Fact]
    public async Task Justifying_a_late_cancellation_makes_it_free_while_the_month_is_not_invoiced()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1]);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [9, 12], CancellationKind.Late);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var url = "/admin/factures/annulations?mois=2026-10";
        var page = await agent.GetPageAsync(url);
        Assert.Equal(["09/10/2026 Lou MARTIN MARTIN GT - RESTAURATION Sera facturée Justifier l'annulation de Lou MARTIN du 09/10/2026",
                      "12/10/2026 Lou MARTIN MARTIN GT - RESTAURATION Sera facturée Justifier l'annulation de Lou MARTIN du 12/10/2026"],
            page.QuerySelectorAll("tbody tr").Select(r => Normalize(r.TextContent)));

        var justified = await agent.SubmitAsync(page, url, new Dictionary<string, string?>(), "handler=Justify");

        Assert.Equal(HttpStatusCode.Redirect, justified.StatusCode);
        Assert.Contains("Justifiée : gratuite", TextOf(await agent.GetPageAsync(url)), StringComparison.Ordinal);
        await IssueAsync(factory, tenant.MunicipalityId);
        var invoice = Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId));
        Assert.Equal(8.20m, invoice.Total);
        Assert.Equal([1, 1], invoice.Lines.Select(l => l.Quantity));

        // Once the month is invoiced, the other late day stays billed: the invoice never changes.
        var after = await agent.GetPageAsync(url);
        Assert.Contains("Facturée (facture 2026-000001)", TextOf(after), StringComparison.Ordinal);
        var late = await ReadAsync(factory, tenant.MunicipalityId, db => db.Bookings.Where(b => b.Date == Oct(12)).Select(b => b.Id).SingleAsync());
        var token = after.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await agent.Http.PostAsync($"/admin/factures/annulations?handler=Justify&bookingId={late}&mois=2026-10",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("La facture de ce mois est déjà émise pour cette famille", TextOf(await PageClient.ParseAsync(refused)), StringComparison.Ordinal);
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.Bookings.Where(b => b.Id == late).Select(b => b.CancellationJustified).SingleAsync()));
    }
}
