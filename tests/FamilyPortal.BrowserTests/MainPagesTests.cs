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
/// The main pages of each kind of visitor — public, parent, agent, operator — on a desktop and on a 360 px
/// phone: axe-core finds no WCAG 2.1 A/AA violation, and their HTML is valid for the Nu HTML Checker. Besides
/// the pages named here, every link of the main menu is followed, so a tab added later is checked too.
/// </summary>
public sealed class MainPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour les pages";

    private static readonly string[] PublicPages =
    [
        "/", "/connexion", "/creer-un-compte", "/compte/possedez-vous-un-compte", "/mot-de-passe-oublie", "/identifiant-oublie",
        "/accessibilite", "/mentions-legales",
    ];

    [Fact]
    public async Task Public_pages_are_valid_html_and_accessible_on_desktop_and_phone()
    {
        var html = new Dictionary<string, string>(StringComparer.Ordinal);
        await VisitAtBothWidthsAsync(PublicPages, html);
        html["404"] = await (await VisitAsync("/page-qui-n-existe-pas", expectedStatus: 404)).TextAsync();
        await AssertValidAsync(html);
    }

    [Fact]
    public async Task Parent_pages_are_valid_html_and_accessible_on_desktop_and_phone()
    {
        var (identifiant, familyId) = await ParentAsync();
        await SignInAsync(identifiant);
        // Something in the basket, and one basket validated: the pages show their full content.
        await VisitAsync("/reservations?semaine=2026-11-23");
        await Page.Locator("#grille button[name=cellule]").First.ClickAsync();
        await CheckCurrentPageAsync();
        await Page.Locator("#grille button[name=cellule]").Last.ClickAsync();
        await CheckCurrentPageAsync();
        await VisitAsync("/panier");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        var summary = new Uri(Page.Url).PathAndQuery;
        Assert.StartsWith("/panier/recapitulatif/", summary, StringComparison.Ordinal);
        await VisitAsync("/reservations?semaine=2026-11-30");
        await Page.Locator("#grille button[name=cellule]").First.ClickAsync();
        await CheckCurrentPageAsync();

        var html = new Dictionary<string, string>(StringComparer.Ordinal);
        await VisitAtBothWidthsAsync(
            ["/reservations", "/reservations?semaine=2026-11-30", "/reservations?vue=periode", "/panier", summary, "/adhesions", "/mon-compte", "/messages/ecrire", .. await MenuLinksAsync()],
            html);
        await AssertValidAsync(html);
        Assert.True(familyId > 0);
    }

    [Fact]
    public async Task Staff_pages_are_valid_html_and_accessible_on_desktop_and_phone()
    {
        var (login, municipalityId) = await StaffAsync(Roles.Administrator);
        await SignInWithSecondFactorAsync(login);
        var (familyId, childId) = await DupondAsync(municipalityId);
        var html = new Dictionary<string, string>(StringComparer.Ordinal);
        await VisitAtBothWidthsAsync(
        [
            "/admin", $"/admin/familles?q=DUPOND", $"/admin/familles/{familyId}", $"/admin/familles/fiche/{familyId}", "/admin/familles/fiche",
            $"/admin/familles/{familyId}/enfant/{childId}", $"/admin/familles/{familyId}/enfant", $"/admin/familles/{familyId}/lettre",
            $"/admin/familles/{familyId}/depart",
            $"/admin/messages/ecrire/{familyId}", "/admin/messages/sujets", $"/admin/messages?q=DUPOND",
            "/admin/reservations?jour=2026-11-20", .. await MenuLinksAsync(),
        ], html);
        await AssertValidAsync(html);
    }

    [Fact]
    public async Task Operator_pages_are_valid_html_and_accessible_on_desktop_and_phone()
    {
        var (login, _) = await StaffAsync(Roles.Operator);
        await SignInWithSecondFactorAsync(login);
        var html = new Dictionary<string, string>(StringComparer.Ordinal);
        await VisitAtBothWidthsAsync(["/plateforme", "/plateforme/collectivites/nouvelle", .. await MenuLinksAsync()], html);
        await AssertValidAsync(html);
    }

    /// <summary>Each page at the desktop size, then each at 360 px (same session); the HTML as served is kept once.</summary>
    private async Task VisitAtBothWidthsAsync(IEnumerable<string> paths, Dictionary<string, string> html)
    {
        var distinct = paths.Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in distinct)
        {
            var response = await VisitAsync(path);
            html[NameOf(path)] = await response.TextAsync();
        }
        await Page.SetViewportSizeAsync(Viewport.Phone.Width, Viewport.Phone.Height);
        foreach (var path in distinct)
        {
            await VisitAsync(path);
            var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{path} is {overflow} px wider than a 360 px screen");
        }
        await Page.SetViewportSizeAsync(Viewport.Desktop.Width, Viewport.Desktop.Height);
    }

    /// <summary>
    /// The links of the main menu of the page shown (the tabs of the visitor), but for a tab whose page is
    /// still being built (404): that one is checked once its page exists.
    /// </summary>
    private async Task<string[]> MenuLinksAsync()
    {
        var hrefs = await Page.Locator("nav.main-nav a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var existing = new List<string>();
        foreach (var href in hrefs.Where(h => h.StartsWith('/')))
        {
            if ((await Page.APIRequest.GetAsync(href)).Status != 404)
            {
                existing.Add(href);
            }
        }
        return [.. existing];
    }

    private static async Task AssertValidAsync(IReadOnlyDictionary<string, string> html)
    {
        var errors = await NuHtmlChecker.ErrorsAsync(html);
        Assert.True(errors.Count == 0, $"The Nu HTML Checker found {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    private static string NameOf(string path)
    {
        var name = new string(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return name.Length == 0 ? "accueil" : name;
    }

    private async Task SignInAsync(string identifiant)
    {
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(identifiant);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    private async Task SignInWithSecondFactorAsync(string login)
    {
        await SignInAsync(login);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Activer le second facteur");
        var key = await Page.GetByTestId("cle-authentificateur").TextContentAsync();
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(key!.Trim()));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activer et me connecter" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    /// <summary>A parent of the demo collectivité with a family and a child of its own.</summary>
    private async Task<(string Identifiant, int FamilyId)> ParentAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var site = await db.Sites.IgnoreQueryFilters().FirstAsync(s => s.MunicipalityId == commune.Id && s.Prefix == "GJ");
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = "PAGES", Email = $"pages-{Guid.NewGuid():N}@exemple.fr" };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        family.Children.Add(new Child { MunicipalityId = commune.Id, FirstName = "LINA", LastName = "PAGES", SiteId = site.Id, SchoolClass = "CE2" });
        db.Families.Add(family);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount
        {
            UserName = "pages-" + Guid.NewGuid().ToString("N")[..10],
            Email = family.Email,
            EmailConfirmed = true,
            HouseholdName = "PAGES",
            LastName = "PAGES",
            FirstName = "Alex",
        };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        db.Memberships.Add(new Membership { MunicipalityId = commune.Id, FamilyId = family.Id, AccountId = account.Id });
        await db.SaveChangesAsync();
        return (account.UserName, family.Id);
    }

    /// <summary>A staff account of the demo collectivité (or the operator), not yet enrolled for the second factor.</summary>
    private async Task<(string Login, int MunicipalityId)> StaffAsync(string role)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var login = "pages-" + Guid.NewGuid().ToString("N")[..10];
        var account = new PortalAccount
        {
            UserName = login,
            Email = $"{login}@mairie.exemple.fr",
            EmailConfirmed = true,
            FirstName = "Claire",
            LastName = "PAGES",
            StaffMunicipalityId = role == Roles.Operator ? null : commune.Id,
        };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        return (login, commune.Id);
    }

    private async Task<(int FamilyId, int ChildId)> DupondAsync(int municipalityId)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var family = await db.Families.Where(f => f.HouseholdName == "DUPOND").Select(f => new { f.Id, Child = f.Children.Select(c => c.Id).First() }).FirstAsync();
        return (family.Id, family.Child);
    }
}
