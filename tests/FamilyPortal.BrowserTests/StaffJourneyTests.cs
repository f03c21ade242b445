using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Tests.Support;
using FamilyPortal.Web.Data.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>The demo administrator: second factor at the first sign-in, a new family with a child, its code letter, a day closed, a price changed, holidays imported.</summary>
public sealed class StaffJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_administrator_enrols_the_authenticator_creates_a_family_with_a_child_and_prints_its_code_letter()
    {
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(DemoData.AdministratorLogin);
        await Page.GetByLabel("Mot de passe").FillAsync(DemoData.AdministratorPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Activer le second facteur");
        var key = await Page.GetByTestId("cle-authentificateur").TextContentAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Code QR de configuration de l'application d'authentification", Exact = false })).ToBeVisibleAsync();
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.FreshCode(key!));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activer et me connecter" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Familles" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle famille" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByLabel("Nom du foyer *").FillAsync("LEFEBVRE");
        await Page.GetByLabel("Adresse email de la famille *").FillAsync("famille.lefebvre@exemple.fr");
        await Page.GetByLabel("Nom *", new() { Exact = true }).FillAsync("LEFEBVRE");
        await Page.GetByLabel("Prénom *", new() { Exact = true }).FillAsync("Claire");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Foyer LEFEBVRE");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un enfant" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByLabel("Prénom *").FillAsync("Jade");
        await Page.GetByLabel("Date de naissance").FillAsync("2018-04-09");
        await Page.GetByLabel("Site").SelectOptionAsync(new SelectOptionValue { Label = "Groupe scolaire Justice" });
        await Page.GetByLabel("Classe").FillAsync("CE1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Jade LEFEBVRE" })).ToBeVisibleAsync();
        var code = (await Page.GetByTestId("code-adhesion").TextContentAsync())!.Trim();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Imprimer la lettre « Votre code d'adhésion »" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Votre code d'adhésion");
        await Expect(Page.Locator(".letter-code")).ToHaveTextAsync(code);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".site-header")).ToBeHiddenAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        await Page.GetByRole(AriaRole.Link, new() { Name = "Fermetures" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByLabel("Du *").FillAsync("2027-06-14");
        await Page.GetByLabel("Ce qui ferme *").SelectOptionAsync(new SelectOptionValue { Label = "Site : Groupe scolaire Justice" });
        await Page.GetByLabel("Motif *").FillAsync("Grève");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Fermer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("La fermeture est enregistrée.");
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Grève" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Actualités" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Menus de la semaine" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle actualité" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByLabel("Titre *").FillAsync("Fermeture exceptionnelle");
        await Page.GetByLabel("Texte *").FillAsync("Le groupe scolaire Justice sera fermé le lundi 14 juin 2027.\n\nDétails : https://ecrouves.exemple.fr/greve");
        await Page.GetByLabel("Publier du").FillAsync("2026-11-20T08:00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("est enregistrée : programmée");
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Fermeture exceptionnelle" })).ToContainTextAsync("programmée");

        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Réservations" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Réservations — liste de présence");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" }).ClickAsync());
        Assert.StartsWith("presences-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Prestations" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "GJ - PERI SOIR - 16H05/17H05", Exact = true }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByLabel("Tarif unitaire (en euros) *").FillAsync("1,90");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("La prestation GJ - PERI SOIR - 16H05/17H05 est enregistrée.");

        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Calendrier" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Lundi de Pentecôte" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Importer un fichier CSV" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByLabel("Fichier CSV *").SetInputFilesAsync(new FilePayload
        {
            Name = "vacances.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Description;Début;Fin\nPont de l'Ascension;06/05/2027;09/05/2027\n"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Importer ces périodes" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Pont de l'Ascension" })).ToBeVisibleAsync();
    }
}
