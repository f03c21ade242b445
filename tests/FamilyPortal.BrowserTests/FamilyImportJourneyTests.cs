using System.Text;
using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Tests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>An agent on a phone imports families from a spreadsheet's CSV file: preview, confirmation, result.</summary>
public sealed class FamilyImportJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Mot de passe agent très solide 2026";

    [Fact]
    public async Task An_agent_on_a_phone_previews_then_imports_a_windows_1252_file_and_finds_the_family_with_its_responsables()
    {
        await UsePhoneAsync();
        var login = await CreateAgentAsync();
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(login);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        var key = await Page.GetByTestId("cle-authentificateur").TextContentAsync();
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.FreshCode(key!));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activer et me connecter" }).ClickAsync();
        // The tableau de bord is another journey's page: this one starts at « Familles ».
        await WaitForAddressAsync(url => new Uri(url).AbsolutePath == "/admin");

        await VisitAsync("/admin/familles");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Importer des familles (fichier CSV)" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importer des familles");
        var file = "Référence;Nom du foyer;Email;Responsable 1 civilité;Responsable 1 nom;Responsable 1 prénom;Responsable 1 lien;Responsable 2 nom;Responsable 2 prénom;Enfant nom;Enfant prénom;Date de naissance;Site;Classe\r\n" +
                   "IMP-1;CŒURDEROY;famille.coeurderoy@exemple.fr;Mme;CŒURDEROY;Françoise;Mère;CŒURDEROY;Noël;CŒURDEROY;Maël;21/01/2017;GJ;CE1\r\n";
        await Page.GetByLabel("Fichier CSV *").SetInputFilesAsync(new FilePayload
        {
            Name = "familles.csv",
            MimeType = "text/csv",
            Buffer = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(file),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import de familles : aperçu");
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "IMP-1" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Importer ces familles" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import de familles terminé");
        await Expect(Page.GetByText("Les codes d'adhésion des nouvelles familles n'ont pas été envoyés.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "CŒURDEROY" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Foyer CŒURDEROY");
        await Expect(Page.GetByTestId("responsable")).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("responsable").First).ToContainTextAsync("Mme Françoise CŒURDEROY (Mère)");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Modifier les responsables" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.Locator("fieldset.adult-block")).ToHaveCountAsync(2);
    }

    private async Task<string> CreateAgentAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var municipalityId = await db.Municipalities.Where(m => m.Name == DemoData.MunicipalityName).Select(m => m.Id).SingleAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var login = $"agent-{Guid.NewGuid():N}"[..20];
        var account = new PortalAccount
        {
            UserName = login,
            Email = $"{login}@mairie.exemple.test",
            EmailConfirmed = true,
            StaffMunicipalityId = municipalityId,
            FirstName = "Claire",
            LastName = "AGENT",
        };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Roles.Agent)).Succeeded);
        return login;
    }
}
