using FamilyPortal.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

public sealed class HomePageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Home_page_welcomes_the_visitor_and_offers_to_sign_in_on_a_desktop()
    {
        await VisitAsync("/");

        await AssertWelcomeAsync();
    }

    [Fact]
    public async Task Home_page_fits_a_360_pixel_phone_without_horizontal_scrolling()
    {
        await UsePhoneAsync();
        await VisitAsync("/");

        await AssertWelcomeAsync();
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth} px wide on a 360 px screen.");
    }

    [Fact]
    public async Task The_skip_link_comes_first_from_the_keyboard_and_moves_to_the_content()
    {
        await VisitAsync("/");

        await Page.Keyboard.PressAsync("Tab");
        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_sees_no_tabs()
    {
        await VisitAsync("/");

        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Mes réservations" })).ToHaveCountAsync(0);
    }

    private async Task AssertWelcomeAsync()
    {
        Assert.Equal("Accueil – Portail Famille", await Page.TitleAsync());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bienvenue sur le Portail Famille");
        await Expect(Page.GetByText("Pratique et utile au quotidien")).ToBeVisibleAsync();
        var signIn = Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Je me connecte" });
        await Expect(signIn).ToBeVisibleAsync();
        await Expect(signIn).ToHaveAttributeAsync("href", "/connexion");
        await Expect(Page.Locator("ol.steps > li")).ToHaveCountAsync(3);
    }
}
