using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Tests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using FamilyPortal.Web.Features.Messages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>
/// « Messagerie » in a real browser on a 360 px phone: a parent writes to the town hall, an agent answers, and the
/// parent finds the answer « non lu » then reads it. Each page is checked by axe-core at 360 px and at 768 px, and its
/// HTML by the Nu HTML Checker.
/// </summary>
public sealed class MessagesJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour la messagerie";
    private const string Question = "Bonjour, mon fils mangera-t-il le jeudi de la sortie scolaire ?";
    private const string Answer = "Oui, un pique-nique est prévu par la cantine ce jour-là.";

    private readonly Dictionary<string, string> _html = new(StringComparer.Ordinal);

    [Fact]
    public async Task A_parent_writes_an_agent_replies_and_the_parent_reads_the_reply_unread_then_read()
    {
        await UsePhoneAsync();
        var (parent, familyId) = await ParentAsync();
        var agent = await AgentAsync();

        await SignInAsync(parent);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Messagerie" }).ClickAsync();
        await CheckBothWidthsAsync("messages");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Écrire à la mairie" }).ClickAsync();
        await CheckBothWidthsAsync("messages-ecrire");
        await Page.GetByLabel("Sujet").SelectOptionAsync("Restauration scolaire");
        await Page.GetByLabel("Votre message").FillAsync(Question);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await CheckBothWidthsAsync("messages-fil-parent");
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Votre message a été envoyé à la mairie.");
        var threadPath = new Uri(Page.Url).AbsolutePath;
        await SignOutAsync();

        await SignInWithSecondFactorAsync(agent);
        await VisitAsync("/admin");
        await Expect(Page.Locator(".dashboard-messages")).ToContainTextAsync("non lu");
        await Page.Locator(".dashboard-messages a").ClickAsync();
        await CheckBothWidthsAsync("admin-messages");
        var row = Page.Locator("tr", new() { HasText = "COURRIER" });
        await Expect(row).ToContainTextAsync("non lu");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await CheckBothWidthsAsync("admin-messages-fil");
        await Expect(Page.Locator("main")).ToContainTextAsync(Question);
        await Page.Locator("textarea[name=Text]").FillAsync(Answer);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("la famille est prévenue par courriel");
        await VisitAsync($"/admin/messages/ecrire/{familyId}");
        await CheckBothWidthsAsync("admin-messages-ecrire");
        await SignOutAsync();

        await SignInAsync(parent);
        await VisitAsync("/messages");
        var thread = Page.Locator("li.thread", new() { Has = Page.Locator($"a[href='{threadPath}']") });
        await Expect(thread).ToContainTextAsync("non lu");
        await thread.GetByRole(AriaRole.Link).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync(Answer);
        await Expect(Page.Locator($"li.message-mairie .badge-new")).ToHaveCountAsync(1);
        await VisitAsync("/messages");
        await Expect(thread).Not.ToContainTextAsync("non lu");
        await VisitAsync(threadPath);
        await Expect(Page.Locator(".badge-new")).ToHaveCountAsync(0);

        var errors = await NuHtmlChecker.ErrorsAsync(_html);
        Assert.True(errors.Count == 0, $"The Nu HTML Checker found {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    /// <summary>axe-core on the page shown at 360 px (done by the navigation), then at 768 px; its HTML kept for the checker.</summary>
    private async Task CheckBothWidthsAsync(string name)
    {
        await CheckCurrentPageAsync();
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"{Page.Url} is {overflow} px wider than a 360 px screen");
        _html[name] = await Page.ContentAsync();
        await Page.SetViewportSizeAsync(768, 1024);
        await Page.AssertAccessibleAsync();
        await Page.SetViewportSizeAsync(Viewport.Phone.Width, Viewport.Phone.Height);
    }

    private async Task SignInAsync(string identifiant)
    {
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(identifiant);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    private async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    private async Task SignInWithSecondFactorAsync(string login)
    {
        await SignInAsync(login);
        var key = await Page.GetByTestId("cle-authentificateur").TextContentAsync();
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(key!.Trim()));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activer et me connecter" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    /// <summary>A parent of the demo collectivité with a family of its own.</summary>
    private async Task<(string Identifiant, int FamilyId)> ParentAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = "COURRIER", Email = $"courrier-{Guid.NewGuid():N}@exemple.fr" };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        db.Families.Add(family);
        await db.SaveChangesAsync();
        var account = new PortalAccount
        {
            UserName = "courrier-" + Guid.NewGuid().ToString("N")[..10],
            Email = family.Email,
            EmailConfirmed = true,
            HouseholdName = "COURRIER",
            LastName = "COURRIER",
            FirstName = "Sam",
        };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>().CreateAsync(account, Password)).Succeeded);
        db.Memberships.Add(new Membership { MunicipalityId = commune.Id, FamilyId = family.Id, AccountId = account.Id });
        await db.SaveChangesAsync();
        Assert.Empty(await db.Set<MessageThread>().IgnoreQueryFilters().Where(t => t.FamilyId == family.Id).ToListAsync());
        return (account.UserName, family.Id);
    }

    /// <summary>An agent of the demo collectivité, not yet enrolled for the second factor.</summary>
    private async Task<string> AgentAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var login = "courrier-" + Guid.NewGuid().ToString("N")[..10];
        var account = new PortalAccount
        {
            UserName = login,
            Email = $"{login}@mairie.exemple.fr",
            EmailConfirmed = true,
            FirstName = "Lucie",
            LastName = "MARCHAND",
            StaffMunicipalityId = commune.Id,
        };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Roles.Agent)).Succeeded);
        return login;
    }
}
