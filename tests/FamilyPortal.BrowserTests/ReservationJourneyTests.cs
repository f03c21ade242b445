using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using FamilyPortal.Web.Features.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>
/// The « Réservations » part of the guide in a real browser: the week grid of « JUSTICE - RESTAURATION »,
/// three squares and a booked round clicked, the basket and the hatched cell, « Valider », the rounds.
/// The portal's clock is Monday 16/11/2026: the week of 23/11 is open, its deadline Thursday 19/11.
/// </summary>
public sealed class ReservationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour la cantine";

    [Fact]
    public async Task A_parent_books_three_days_cancels_one_and_validates_the_basket()
    {
        var (identifiant, email) = await FamilyWithOneBookingAsync("MARTIN", "JADE");
        await SignInAsync(identifiant);
        await ShowWeekOf23NovemberAsync("JADE MARTIN");

        await ClickCellAsync("lundi 23 novembre 2026", "réservable");
        await ClickCellAsync("mardi 24 novembre 2026", "réservable");
        await ClickCellAsync("jeudi 26 novembre 2026", "réservable");
        await ClickCellAsync("vendredi 27 novembre 2026", "réservé");

        await Expect(Cell("lundi 23 novembre 2026")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("à réserver, dans le panier"));
        await Expect(Cell("vendredi 27 novembre 2026")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("demande d'annulation"));
        var basket = Page.Locator("#panier");
        await Expect(basket.GetByRole(AriaRole.Heading, new() { Name = "JADE — JUSTICE - RESTAURATION (4,10 € l'unité)" })).ToBeVisibleAsync();
        await Expect(basket.GetByRole(AriaRole.Heading, new() { Name = "Mes demandes d'annulation" })).ToBeVisibleAsync();
        await Expect(basket.GetByText("12,30 €")).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();

        await basket.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Récapitulatif de votre panier");
        await Expect(Page.GetByText("3 réservation(s) et 1 annulation(s) enregistrée(s)", new() { Exact = false })).ToBeVisibleAsync();

        await ShowWeekOf23NovemberAsync("JADE MARTIN");
        foreach (var day in new[] { "lundi 23 novembre 2026", "mardi 24 novembre 2026", "jeudi 26 novembre 2026" })
        {
            await Expect(Cell(day)).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(": réservé$"));
        }
        await Expect(Cell("vendredi 27 novembre 2026")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(": réservable$"));
        await Expect(Page.Locator("#panier").GetByText("Votre panier est vide")).ToBeVisibleAsync();

        await VisitAsync("/dev/courriels");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Confirmation de vos réservations – COMMUNE D'ECROUVES" }).First).ToBeVisibleAsync();
        Assert.Contains(email, await Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grid_and_the_basket_work_on_a_360_pixel_phone()
    {
        var (identifiant, _) = await FamilyWithOneBookingAsync("PETIT", "NOA");
        await UsePhoneAsync();
        await SignInAsync(identifiant);
        await ShowWeekOf23NovemberAsync("NOA PETIT");
        await AssertFitsAsync();

        await ClickCellAsync("lundi 23 novembre 2026", "réservable");
        await ClickCellAsync("vendredi 27 novembre 2026", "réservé");
        await Expect(Page.Locator("#panier").GetByText("lundi 23 novembre 2026")).ToBeVisibleAsync();
        await AssertFitsAsync();
        await Page.AssertAccessibleAsync();

        await Page.Locator("#panier").GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByText("1 réservation(s) et 1 annulation(s) enregistrée(s)", new() { Exact = false })).ToBeVisibleAsync();
        await AssertFitsAsync();
    }

    private ILocator Cell(string day) =>
        Page.Locator($"#grille button[name=cellule][aria-label*='{day}']");

    private async Task ClickCellAsync(string day, string before)
    {
        var cell = Cell(day);
        await Expect(cell).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($": {before}$"));
        await cell.ClickAsync();
        await Expect(Cell(day)).Not.ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($": {before}$"));
    }

    private async Task ShowWeekOf23NovemberAsync(string child)
    {
        await VisitAsync("/reservations");
        await Page.GetByLabel("Sélectionnez le service / le site").SelectOptionAsync(new SelectOptionValue { Label = "JUSTICE - RESTAURATION" });
        await Page.GetByLabel("Enfant", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = child });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.Locator("#grille caption").First).ToContainTextAsync("Semaine 47 du 16/11/2026 au 20/11/2026");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Suivant" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.Locator("#grille caption").First).ToContainTextAsync("Semaine 48 du 23/11/2026 au 27/11/2026");
    }

    private async Task SignInAsync(string identifiant)
    {
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(identifiant);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    private async Task AssertFitsAsync()
    {
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"{Page.Url} is {scrollWidth} px wide on a 360 px screen.");
    }

    /// <summary>A family of COMMUNE D'ECROUVES with one child at Groupe scolaire Justice, booked on Friday 27/11, and its parent.</summary>
    private async Task<(string Identifiant, string Email)> FamilyWithOneBookingAsync(string household, string child)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var justice = await db.Sites.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == commune.Id && s.Prefix == "GJ");
        var meal = await db.Activities.IgnoreQueryFilters().SingleAsync(a => a.SiteId == justice.Id && a.Label == "JUSTICE - RESTAURATION");
        var email = $"{household.ToLowerInvariant()}-{Guid.NewGuid():N}@exemple.fr";
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = household, Email = email };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        var kid = new Child { MunicipalityId = commune.Id, FirstName = child, LastName = household, SiteId = justice.Id, SchoolClass = "CP" };
        family.Children.Add(kid);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        var friday = new DateOnly(2026, 11, 27);
        db.Bookings.Add(new Booking { MunicipalityId = commune.Id, ChildId = kid.Id, ActivityId = meal.Id, Date = friday });
        var load = await db.ActivityDayLoads.IgnoreQueryFilters().SingleOrDefaultAsync(l => l.ActivityId == meal.Id && l.Date == friday);
        if (load is null)
        {
            db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = commune.Id, ActivityId = meal.Id, Date = friday, Booked = 1 });
        }
        else
        {
            load.Booked++;
        }

        var identifiant = $"{household}.{Guid.NewGuid().ToString("N")[..6]}";
        var accountId = await Fixture.Server.CreateParentAsync(identifiant, Password, email, household, "Parent");
        db.Memberships.Add(new Membership { MunicipalityId = commune.Id, FamilyId = family.Id, AccountId = accountId });
        await db.SaveChangesAsync();
        return (identifiant, email);
    }
}
