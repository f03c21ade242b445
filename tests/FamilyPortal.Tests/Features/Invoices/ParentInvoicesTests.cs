using System.Net;
using FamilyPortal.Tests.Features.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Invoices;

/// <summary>« Mes factures »: a parent sees the invoices of their own family in the selected collectivité only.</summary>
public class ParentInvoicesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task The_parent_sees_the_family_invoices_newest_first_with_status_and_due_date_and_downloads_the_pdf()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2]);
        var neighbour = await ReservationKit.AddFamilyAsync(factory, tenant, "BERNARD");
        await AddBookingsAsync(factory, tenant.MunicipalityId, await ReservationKit.ChildOfAsync(factory, tenant.MunicipalityId, neighbour), tenant.ActivityId, [1]);
        await IssueAsync(factory, tenant.MunicipalityId);
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);

        var page = await parent.GetPageAsync("/factures");

        var rows = page.QuerySelectorAll("table.invoices tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => Normalize(c.TextContent)).ToList()).ToList();
        Assert.Equal(
        [
            ["2026-000002", "octobre 2026", "8,20 €", "à payer", "16/12/2026", "Télécharger la facture 2026-000002 (PDF)"],
            [BillingRows.OldInvoiceNumber, "juin 2025", "8,20 €", "payée", "01/08/2025", $"Télécharger la facture {BillingRows.OldInvoiceNumber} (PDF)"],
        ], rows);
        var mine = await InvoicesAsync(factory, tenant.MunicipalityId);
        var own = mine.Single(i => i.FamilyId == tenant.FamilyId);
        var response = await parent.Http.GetAsync($"/factures/{own.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Facture n° 2026-000002", PdfTests.TextOfPdf(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var neighbours = mine.Single(i => i.FamilyId == neighbour);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.Http.GetAsync($"/factures/{neighbours.Id}/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_partial_payment_shows_partiellement_payee_with_what_is_left()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2]);
        await IssueAsync(factory, tenant.MunicipalityId);
        await ReadAsync(factory, tenant.MunicipalityId, db => db.Invoices.Where(i => i.Number == "2026-000001")
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Paid, 3m).SetProperty(i => i.Status, FamilyPortal.Web.Features.Invoices.Rules.InvoiceStatus.PartiallyPaid)));
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);

        var row = Normalize((await parent.GetPageAsync("/factures")).QuerySelector("table.invoices tbody tr")!.TextContent);

        Assert.Equal("2026-000001 octobre 2026 8,20 € reste 5,20 € partiellement payée 16/12/2026 Télécharger la facture 2026-000001 (PDF)", row);
    }

    [Fact]
    public async Task Only_the_selected_collectivite_invoices_are_listed_and_another_collectivite_invoice_answers_404()
    {
        var first = await TenantBuilder.CreateAsync(factory, name: "COMMUNE A " + Guid.NewGuid().ToString("N")[..6]);
        var second = await TenantBuilder.CreateAsync(factory, name: "COMMUNE B " + Guid.NewGuid().ToString("N")[..6]);
        await AddBookingsAsync(factory, second.MunicipalityId, second.ChildId, second.ActivityId, [1]);
        await IssueAsync(factory, second.MunicipalityId);
        var (login, _) = await LinkAccountAsync(factory, first.MunicipalityId, first.FamilyId);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(second.MunicipalityId);
            var accountId = await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
            db.Memberships.Add(new Membership { MunicipalityId = second.MunicipalityId, FamilyId = second.FamilyId, AccountId = accountId });
            await db.SaveChangesAsync();
        }
        var parent = PageClient.For(factory);
        await Accounts.AccountJourney.SignInAsync(parent, login, ParentPassword);
        var secondInvoice = (await InvoicesAsync(factory, second.MunicipalityId)).Single().Id;

        var choose = await parent.GetPageAsync("/factures");
        Assert.Contains("Choisissez une collectivité", TextOf(choose), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.SubmitAsync(choose, "/factures", new Dictionary<string, string?> { ["MunicipalityId"] = first.MunicipalityId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/collectivite")).StatusCode);

        var page = await parent.GetPageAsync("/factures");
        Assert.Contains($"Collectivité : {first.Name}", TextOf(page), StringComparison.Ordinal);
        Assert.Equal([BillingRows.OldInvoiceNumber], page.QuerySelectorAll("table.invoices tbody th").Select(th => th.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.NotFound, (await parent.Http.GetAsync($"/factures/{secondInvoice}/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_family_without_invoices_sees_the_empty_state_message()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var family = await ReservationKit.AddFamilyAsync(factory, tenant, "PETIT");
        var parent = await ParentAsync(factory, tenant.MunicipalityId, family);

        var page = await parent.GetPageAsync("/factures");

        Assert.Null(page.QuerySelector("table.invoices"));
        Assert.Contains("Vous n'avez aucune facture pour le moment.", TextOf(page), StringComparison.Ordinal);
        Assert.Equal("page", page.QuerySelector("a[href='/factures']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in_and_staff_get_no_parent_pdf()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var invoiceId = (await ReadAsync(factory, tenant.MunicipalityId, db => db.Invoices.Select(i => i.Id).SingleAsync()));
        var visitor = PageClient.For(factory);

        var response = await visitor.Http.GetAsync("/factures");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync($"/factures/{invoiceId}/pdf")).StatusCode);

        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/factures/{invoiceId}/pdf")).StatusCode);
    }
}
