using FamilyPortal.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

public sealed class LegalPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_accessibility_statement_gives_the_conformity_the_contact_and_the_remedy()
    {
        await VisitAsync("/accessibilite");

        Assert.Equal("Déclaration d'accessibilité – Portail Famille", await Page.TitleAsync());
        var main = Page.GetByRole(AriaRole.Main);
        await Expect(main.GetByText("Accessibilité : partiellement conforme")).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Retour d'information et contact" })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Voies de recours" })).ToBeVisibleAsync();
        await Expect(main.GetByText("Défenseur des droits").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_legal_notice_names_only_the_necessary_cookies()
    {
        await VisitAsync("/mentions-legales");

        Assert.Equal("Mentions légales – Portail Famille", await Page.TitleAsync());
        var main = Page.GetByRole(AriaRole.Main);
        foreach (var section in new[] { "Éditeur", "Hébergement", "Données personnelles", "Cookies" })
        {
            await Expect(main.GetByRole(AriaRole.Heading, new() { Name = section, Exact = true })).ToBeVisibleAsync();
        }
        await Expect(main.GetByText("strictement nécessaires")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_footer_leads_to_both_pages_and_marks_the_current_one()
    {
        await UsePhoneAsync();
        await VisitAsync("/");
        var footer = Page.GetByRole(AriaRole.Contentinfo);

        await footer.GetByRole(AriaRole.Link, new() { Name = "Mentions légales" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.Server.BaseAddress, "/mentions-legales").ToString());
        await CheckCurrentPageAsync();
        await Expect(footer.GetByRole(AriaRole.Link, new() { Name = "Mentions légales" })).ToHaveAttributeAsync("aria-current", "page");

        await footer.GetByRole(AriaRole.Link, new() { Name = "Accessibilité : partiellement conforme" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.Server.BaseAddress, "/accessibilite").ToString());
        await CheckCurrentPageAsync();
    }

    [Fact]
    public async Task An_unknown_address_shows_the_french_error_page_within_the_layout()
    {
        await VisitAsync("/page-qui-n-existe-pas", expectedStatus: 404);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page introuvable");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil" })).ToHaveAttributeAsync("href", "/");
        await Expect(Page.GetByRole(AriaRole.Contentinfo)).ToBeVisibleAsync();
    }
}
