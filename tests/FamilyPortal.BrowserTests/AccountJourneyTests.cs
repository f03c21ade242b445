using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Infrastructure.Captcha;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>Steps 1 and 2 of the parents' guide, in a real browser, as DUPOND / TESTECROUVES.</summary>
public sealed class AccountJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour la cantine";

    [Fact]
    public async Task A_parent_creates_the_account_of_the_guide_reads_both_emails_signs_in_and_out()
    {
        await VisitAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Je me connecte" }).First.ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Je n'ai pas de compte" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Possédez-vous déjà un compte pour Portail Famille ?");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Non", Exact = true }).ClickAsync();
        await CheckCurrentPageAsync();

        await Page.GetByLabel("Nom de votre foyer *").FillAsync("DUPOND");
        await Page.GetByLabel("Identifiant *").FillAsync("TESTECROUVES");
        await Page.GetByLabel("Mot de passe *", new() { Exact = true }).FillAsync(Password);
        await Page.GetByLabel("Confirmation de mot de passe *").FillAsync(Password);
        await Page.GetByLabel("Question secrète *").SelectOptionAsync("Nom de votre premier animal de compagnie");
        await Page.GetByLabel("Réponse *").FillAsync("ANNE");
        await Page.GetByLabel("Saisir le code affiché *").FillAsync(await CaptchaAnswerAsync());
        await Page.GetByLabel("Mme").CheckAsync();
        await Page.GetByLabel("Nom *", new() { Exact = true }).FillAsync("DUPOND");
        await Page.GetByLabel("Prénom *").FillAsync("TEST");
        await Page.GetByLabel("Email principal *").FillAsync("famille.dupond@exemple.fr");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Votre compte est créé");

        await VisitAsync("/dev/courriels");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Votre code d'adhésion – COMMUNE D'ECROUVES" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByText("WKMLY75KOA").First).ToBeVisibleAsync();
        await VisitAsync("/dev/courriels");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Votre compte Portail Famille" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByText("Votre identifiant : TESTECROUVES").First).ToBeVisibleAsync();

        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync("testecrouves");
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        // « Actualités » is the first tab; without an adhésion yet, it invites the parent to step 3 of the guide.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Actualités");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Mes réservations" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Cliquez ici pour gérer vos abonnements" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByText("Vous êtes déconnecté.")).ToBeVisibleAsync();
        Assert.Equal(302, (await Page.APIRequest.GetAsync("/mon-compte", new() { MaxRedirects = 0 })).Status);
    }

    [Fact]
    public async Task The_account_form_fits_a_360_pixel_phone()
    {
        await UsePhoneAsync();
        await VisitAsync("/creer-un-compte");
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The form is {scrollWidth} px wide on a 360 px screen.");
        await VisitAsync("/connexion");
    }

    private async Task<string> CaptchaAnswerAsync()
    {
        var id = await Page.Locator("input[name=CaptchaId]").InputValueAsync();
        var captcha = Fixture.Server.Services.GetRequiredService<CaptchaService>();
        var secret = await captcha.FindSecretAsync(id, CancellationToken.None);
        return secret!.Answer;
    }
}
