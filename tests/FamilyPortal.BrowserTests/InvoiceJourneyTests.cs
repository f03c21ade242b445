using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Tests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Families;
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
/// « Mes factures » in a real browser: an administrator of COMMUNE D'ECROUVES looks at the tranches, previews
/// and issues October 2026 (the
/// portal's clock is 16/11/2026), then the parent, on a phone, opens « Mes factures » and downloads the PDF.
/// </summary>
public sealed class InvoiceJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour la facture";

    [Fact]
    public async Task Staff_issue_the_month_and_the_parent_downloads_the_invoice_pdf()
    {
        var (parent, household, familyId) = await FamilyBookedInOctoberAsync();
        var agent = await AgentAsync();

        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(agent);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        var key = await Page.GetByTestId("cle-authentificateur").TextContentAsync();
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(key!));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activer et me connecter" }).ClickAsync();
        await CheckCurrentPageAsync();

        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Factures" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Factures");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Tranches de quotient familial" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Tranche B" })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("JUSTICE - RESTAURATION, Tranche A")).ToHaveValueAsync("2,50");
        await Page.GetByRole(AriaRole.Link, new() { Name = "← Factures" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Générer les factures d'un mois" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByLabel("Mois à facturer *").FillAsync("2026-10");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();
        await CheckCurrentPageAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = household });
        await Expect(row).ToContainTextAsync("JUSTICE - RESTAURATION × 3");
        await Expect(row).ToContainTextAsync("12,30");
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Émettre les \\d+ facture\\(s\\)$") }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Les familles ont été prévenues par email.");
        var number = (await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = household }).GetByRole(AriaRole.Rowheader).TextContentAsync())!.Trim();
        Assert.Matches("^2026-\\d{6}$", number);
        await Page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Facture n° {number}");
        await Page.GetByLabel("Montant en euros *").FillAsync("5");
        await Page.GetByLabel("Moyen de paiement *").SelectOptionAsync(new SelectOptionValue { Label = "Chèque" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Le paiement de 5,00 € est enregistré.");
        await Page.GetByRole(AriaRole.Link, new() { Name = "← Factures d'octobre 2026" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Annulations hors délai" }).ClickAsync();
        await CheckCurrentPageAsync();
        await VisitAsync($"/admin/familles/{familyId}/quotient");
        await Page.GetByLabel("Quotient familial (euros) *").FillAsync("640");
        await Page.GetByLabel("Valide du *").FillAsync("2027-01-01");
        await Page.GetByLabel("au (inclus) *").FillAsync("2027-12-31");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "640 €" })).ToBeVisibleAsync();

        await UsePhoneAsync();
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(parent);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mes factures" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes factures");
        var invoice = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(invoice).ToContainTextAsync("octobre 2026");
        await Expect(invoice).ToContainTextAsync("12,30");
        await Expect(invoice).ToContainTextAsync("partiellement payée");
        await Expect(invoice).ToContainTextAsync("reste 7,30");
        await Expect(invoice).ToContainTextAsync("16/12/2026");
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"« Mes factures » is {width} px wide on a 360 px screen.");

        var download = await Page.RunAndWaitForDownloadAsync(() => invoice.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Télécharger") }).ClickAsync());
        Assert.Equal($"facture-{number}.pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    /// <summary>A new family of Ecrouves with a child at Groupe scolaire Justice, three October meals, and its parent's account.</summary>
    private async Task<(string Identifiant, string Household, int FamilyId)> FamilyBookedInOctoberAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var justice = await db.Sites.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == commune.Id && s.Prefix == "GJ");
        var meal = await db.Activities.IgnoreQueryFilters().SingleAsync(a => a.SiteId == justice.Id && a.Label == "JUSTICE - RESTAURATION");
        var household = "FACTURE" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var email = $"{household.ToLowerInvariant()}@exemple.fr";
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = household, Email = email };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        var child = new Child { MunicipalityId = commune.Id, FirstName = "INES", LastName = household, SiteId = justice.Id };
        family.Children.Add(child);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        foreach (var day in new[] { 5, 6, 8 })
        {
            db.Bookings.Add(new Booking { MunicipalityId = commune.Id, ChildId = child.Id, ActivityId = meal.Id, Date = new DateOnly(2026, 10, day) });
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount { UserName = household.ToLowerInvariant(), Email = email, EmailConfirmed = true, LastName = household, FirstName = "Parent" };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        db.Memberships.Add(new Membership { MunicipalityId = commune.Id, FamilyId = family.Id, AccountId = account.Id });
        await db.SaveChangesAsync();
        return (account.UserName, household, family.Id);
    }

    /// <summary>A town-hall administrator of Ecrouves (prices are theirs), with no second factor enrolled yet.</summary>
    private async Task<string> AgentAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var login = "agent.factures." + Guid.NewGuid().ToString("N")[..4];
        var account = new PortalAccount { UserName = login, Email = $"{login}@ecrouves.exemple.fr", EmailConfirmed = true, StaffMunicipalityId = commune.Id, FirstName = "Claire", LastName = "AGENT" };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Roles.Administrator)).Succeeded);
        return login;
    }
}
