using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Invoices;
using FamilyPortal.Web.Features.Invoices.Rules;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using FamilyPortal.Web.Features.Reservations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>
/// « Payer en ligne » in a real browser: a parent of COMMUNE D'ECROUVES (PayFiP in test mode) pays an unpaid invoice
/// on the PayFiP simulator's page, a site of its own, and comes back to the portal, which asks the service for the result.
/// </summary>
public sealed class PaymentJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour payer en ligne";

    [Fact]
    public async Task A_parent_pays_an_invoice_on_the_service_page_and_sees_it_paid()
    {
        var (parent, number) = await FamilyWithAnUnpaidInvoiceAsync();
        // The simulator has no icon; the browser's request for one is not an error of the portal's pages.
        await Page.RouteAsync(new Uri(Fixture.Server.Simulator!.BaseAddress, "/favicon.ico").AbsoluteUri, route => route.FulfillAsync(new() { Status = 204 }));

        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(parent);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mes factures" }).ClickAsync();
        await CheckCurrentPageAsync();
        var invoice = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(invoice.GetByRole(AriaRole.Cell).Filter(new() { HasText = "à payer" })).ToHaveCountAsync(1);
        await Expect(invoice).ToContainTextAsync("12,30");

        // The service's page is another site: no checks of ours there, only its buttons.
        await invoice.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Payer en ligne") }).ClickAsync();
        await Page.WaitForURLAsync(url => url.StartsWith(Fixture.Server.Simulator!.PaymentPageUrl, StringComparison.Ordinal));
        await Expect(Page.GetByText("Montant :")).ToContainTextAsync("12,30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Payer (paiement accepté)" }).ClickAsync();

        // The service's return page posts the operation id back to the portal, which shows what the service says.
        await Page.WaitForURLAsync(url => url.StartsWith(Fixture.Server.BaseAddress.AbsoluteUri, StringComparison.Ordinal) && url.Contains("/factures/paiement/", StringComparison.Ordinal));
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Paiement en ligne");
        await Expect(Page.GetByText("Résultat : payée")).ToBeVisibleAsync();

        await VisitAsync("/factures");
        invoice = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(invoice.GetByRole(AriaRole.Cell).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^payée$") })).ToHaveCountAsync(1);
        await Expect(invoice.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Payer en ligne") })).ToHaveCountAsync(0);
    }

    /// <summary>A new family of Ecrouves with three September meals invoiced (12,30 €: no quotient, the highest tranche), and its parent's account.</summary>
    private async Task<(string Identifiant, string Number)> FamilyWithAnUnpaidInvoiceAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var justice = await db.Sites.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == commune.Id && s.Prefix == "GJ");
        var meal = await db.Activities.IgnoreQueryFilters().SingleAsync(a => a.SiteId == justice.Id && a.Label == "JUSTICE - RESTAURATION");
        var household = "PAYFIP" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var email = $"{household.ToLowerInvariant()}@exemple.fr";
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = household, Email = email };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        var child = new Child { MunicipalityId = commune.Id, FirstName = "LOU", LastName = household, SiteId = justice.Id };
        family.Children.Add(child);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        foreach (var day in new[] { 7, 8, 10 })
        {
            db.Bookings.Add(new Booking { MunicipalityId = commune.Id, ChildId = child.Id, ActivityId = meal.Id, Date = new DateOnly(2026, 9, day) });
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount { UserName = household.ToLowerInvariant(), Email = email, EmailConfirmed = true, LastName = household, FirstName = "Parent" };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        db.Memberships.Add(new Membership { MunicipalityId = commune.Id, FamilyId = family.Id, AccountId = account.Id });
        await db.SaveChangesAsync();

        // September is issued as the town hall would: every family of the month, this one included.
        db.Tenant.Enter(commune.Id);
        var issuer = scope.ServiceProvider.GetRequiredService<InvoiceIssuer>();
        await issuer.IssueAsync(commune.Id, new BillingMonth(2026, 9), issuer.DefaultDueDate, expected: null, default);
        var number = await db.Invoices.Where(i => i.FamilyId == family.Id).Select(i => i.Number).SingleAsync();
        return (account.UserName, number);
    }
}
