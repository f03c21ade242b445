using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using FamilyPortal.Web.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>Step 3 of the parents' guide, in a real browser: « Activer son adhésion » with WKMLY75KOA.</summary>
public sealed class AdhesionJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour la cantine";
    private const string ManageLink = "Cliquez ici pour gérer vos abonnements";
    private const string CodeLabel = "Pour ajouter une nouvelle collectivité à votre espace, saisissez votre code d'adhésion fourni par la collectivité pour laquelle vous souhaitez réaliser des démarches :";

    [Fact]
    public async Task The_parent_of_the_guide_joins_commune_d_ecrouves_from_mes_reservations()
    {
        // Another identifiant than the account journey's TESTECROUVES: both run on the same portal.
        await CreateParentAsync("DUPOND.ADHESION");
        await SignInAsync("DUPOND.ADHESION");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Actualités");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Mes réservations" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes réservations");
        await Expect(Page.GetByText("Votre compte n'est encore rattaché à aucune collectivité.", new() { Exact = false })).ToBeVisibleAsync();

        var link = Page.GetByRole(AriaRole.Link, new() { Name = ManageLink });
        await link.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Adhésion aux collectivités" });
        await Expect(dialog).ToBeVisibleAsync();
        Assert.EndsWith("/reservations", Page.Url, StringComparison.Ordinal);
        await Expect(dialog.GetByText("Vous n'adhérez à aucune collectivité")).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel(CodeLabel)).ToBeFocusedAsync();
        await Page.AssertAccessibleAsync();

        // « Fermer » closes the dialog and gives the focus back to the link; the keyboard opens it again.
        await dialog.GetByRole(AriaRole.Link, new() { Name = "Fermer" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(link).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();

        await dialog.GetByLabel(CodeLabel).FillAsync("wkmly-75koa");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        var information = Page.GetByRole(AriaRole.Status);
        await Expect(information.GetByRole(AriaRole.Heading, new() { Name = "Information" })).ToBeVisibleAsync();
        await Expect(information).ToContainTextAsync("Adhésion effectuée");

        await information.GetByRole(AriaRole.Link, new() { Name = "Ok" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByText("Vous pouvez réaliser des démarches sur l'espace famille pour les collectivités suivantes :")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Collectivité : COMMUNE D'ECROUVES")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Fermer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.Locator(".current-municipality")).ToContainTextAsync("Collectivité : COMMUNE D'ECROUVES");
        await Expect(Page.GetByLabel("Enfant", new() { Exact = true }).Locator("option")).ToHaveTextAsync(["ANNE DUPOND", "LÉO DUPOND"]);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = ManageLink })).ToBeVisibleAsync();

        await VisitAsync("/dev/courriels");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Adhésion effectuée – COMMUNE D'ECROUVES" })).ToBeVisibleAsync();

        // The collectivité's actualités, « Nouveau » the first time only, after the documents the family still owes.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Actualités" }).ClickAsync();
        await CheckCurrentPageAsync();
        var headings = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Expect(headings).ToHaveTextAsync(["Pièces manquantes", "Nouveau : Menus de la semaine", "Nouveau : Inscriptions périscolaires"]);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "https://ecrouves.exemple.fr/menus" })).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await VisitAsync("/actualites");
        await Expect(headings).ToHaveTextAsync(["Pièces manquantes", "Menus de la semaine", "Inscriptions périscolaires"]);
    }

    [Fact]
    public async Task Mes_reservations_the_dialog_and_the_collectivite_chooser_fit_a_360_pixel_phone()
    {
        await UsePhoneAsync();
        var accountId = await CreateParentAsync("PARENT.MOBILE");
        // Two collectivités of its own, so the header shows the chooser (the demo family keeps its places).
        await LinkToNewCollectiviteAsync(accountId, "COMMUNE DE FOUG");
        await LinkToNewCollectiviteAsync(accountId, "COMMUNAUTÉ DE COMMUNES TERRES TOULOISES");
        await SignInAsync("PARENT.MOBILE");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Actualités");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choisissez une collectivité" })).ToBeVisibleAsync();
        await AssertFitsAsync();
        await VisitAsync("/reservations");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choisissez une collectivité" })).ToBeVisibleAsync();
        await AssertFitsAsync();

        await Page.Locator("header").GetByLabel("Collectivité :").SelectOptionAsync(new SelectOptionValue { Label = "COMMUNE DE FOUG" });
        await Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Changer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.Locator(".current-municipality")).ToContainTextAsync("Collectivité : COMMUNE DE FOUG");
        await AssertFitsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = ManageLink }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Adhésion aux collectivités" });
        await Expect(dialog).ToBeVisibleAsync();
        var box = await dialog.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 360, $"The dialog spans {box?.X}–{box?.X + box?.Width} px on a 360 px screen.");
        await Page.AssertAccessibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();

        await VisitAsync("/adhesions");
        await Expect(Page.GetByRole(AriaRole.Main).GetByText("Collectivité : COMMUNAUTÉ DE COMMUNES TERRES TOULOISES")).ToBeVisibleAsync();
        await AssertFitsAsync();
    }

    private async Task AssertFitsAsync()
    {
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"{Page.Url} is {scrollWidth} px wide on a 360 px screen.");
    }

    private async Task SignInAsync(string identifiant)
    {
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(identifiant);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    /// <summary>A parent account of the guide's household, made directly with a known password.</summary>
    private Task<string> CreateParentAsync(string identifiant) =>
        Fixture.Server.CreateParentAsync(identifiant, Password, DemoData.FamilyEmail, "DUPOND", "TEST");

    private async Task LinkToNewCollectiviteAsync(string accountId, string name)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var municipality = new Municipality
        {
            Name = name,
            ShortName = "test-" + Guid.NewGuid().ToString("N")[..8],
            ContactEmail = "mairie@exemple.fr",
        };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        var family = new Family { MunicipalityId = municipality.Id, HouseholdName = "DUPOND", Email = DemoData.FamilyEmail };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        family.Children.Add(new Child { MunicipalityId = municipality.Id, FirstName = "ANNE", LastName = "DUPOND" });
        db.Families.Add(family);
        await db.SaveChangesAsync();
        db.Memberships.Add(new Membership { MunicipalityId = municipality.Id, FamilyId = family.Id, AccountId = accountId });
        await db.SaveChangesAsync();
    }
}
