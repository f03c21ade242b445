using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Tests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>
/// An administrator books a child's day past the deadline from the family's page, cancels it, and finds
/// both in the journal; the two pages also fit a 360 px screen. The portal's clock is Monday 16/11/2026.
/// </summary>
public sealed class StaffBookingJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour la mairie";

    [Fact]
    public async Task An_administrator_books_and_cancels_for_a_family_then_reads_the_journal()
    {
        var (login, familyId) = await AdministratorAndFamilyAsync();
        await SignInAsync(login);

        await VisitAsync($"/admin/familles/{familyId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Réservations de LÉA" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Réservations de LÉA BRUNET");
        await Expect(Page.GetByText("Aucune réservation sur cette période.")).ToBeVisibleAsync();

        await Page.GetByLabel("Prestation *").SelectOptionAsync(new SelectOptionValue { Label = "Groupe scolaire Justice — JUSTICE - RESTAURATION" });
        await Page.GetByLabel("Jour (ou début de la période) *").FillAsync("2026-11-17");
        await Page.GetByLabel("Motif *", new() { Exact = true }).FillAsync("Oubli de la famille");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 réservation(s) faite(s) pour LÉA (mardi 17 novembre 2026)");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "mardi 17 novembre 2026" });
        await Expect(row).ToContainTextAsync("réservée");

        await Page.GetByLabel("Annuler la réservation du 17/11/2026, JUSTICE - RESTAURATION").CheckAsync();
        await Page.GetByLabel("Motif de l'annulation *").FillAsync("Erreur de jour");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Annuler les réservations cochées" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 réservation(s) annulée(s) pour LÉA");
        await Expect(row).ToContainTextAsync("annulée hors délai");
        await AssertFitsPhoneAsync();

        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Journal" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Réservation LÉA BRUNET – JUSTICE - RESTAURATION – 17/11/2026 annulée" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Réservation LÉA BRUNET – JUSTICE - RESTAURATION – 17/11/2026 créée" })).ToBeVisibleAsync();
        await Page.GetByLabel("Texte recherché").FillAsync("Erreur de jour");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(1);
        await AssertFitsPhoneAsync();
    }

    /// <summary>The page on a 360 px screen: nothing wider than the screen but the tables' own scrolling box.</summary>
    private async Task AssertFitsPhoneAsync()
    {
        await Page.SetViewportSizeAsync(Viewport.Phone.Width, Viewport.Phone.Height);
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var widest = await Page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth && !e.closest('.table-scroll'))"
            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')");
        Assert.True(scrollWidth <= Viewport.Phone.Width, $"{Page.Url} is {scrollWidth} px wide on a 360 px screen: {widest}");
        await Page.AssertAccessibleAsync();
        await Page.SetViewportSizeAsync(Viewport.Desktop.Width, Viewport.Desktop.Height);
    }

    private async Task SignInAsync(string login)
    {
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(login);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        var key = await Page.GetByTestId("cle-authentificateur").TextContentAsync();
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(key!));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activer et me connecter" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");
    }

    /// <summary>An administrator of COMMUNE D'ECROUVES of this test's own, and a family with one child at Groupe scolaire Justice.</summary>
    private async Task<(string Login, int FamilyId)> AdministratorAndFamilyAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var justice = await db.Sites.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == commune.Id && s.Prefix == "GJ");
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = "BRUNET", Email = $"brunet-{Guid.NewGuid():N}@exemple.fr" };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        family.Children.Add(new Child { MunicipalityId = commune.Id, FirstName = "LÉA", LastName = "BRUNET", SiteId = justice.Id, SchoolClass = "CE2" });
        db.Families.Add(family);
        await db.SaveChangesAsync();

        var login = $"ines.{Guid.NewGuid().ToString("N")[..6]}";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount
        {
            UserName = login,
            Email = $"{login}@ecrouves.exemple.fr",
            EmailConfirmed = true,
            FirstName = "Inès",
            LastName = "MOREAU",
            StaffMunicipalityId = commune.Id,
        };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Roles.Administrator)).Succeeded);
        return (login, family.Id);
    }
}
