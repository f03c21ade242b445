using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Features.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>
/// « Vous êtes dans la file d'attente », in a real browser on a phone: the password checks are all taken, the
/// sign-in answers at once with the waiting room, the page tells its position to screen readers, and once the
/// checks run again it signs the parent in by itself, without anything typed again.
/// </summary>
public sealed class WaitingRoomJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour la file d'attente";

    [Fact]
    public async Task A_sign_in_behind_a_full_queue_waits_in_the_room_and_ends_signed_in_without_typing_again()
    {
        await UsePhoneAsync();
        var identifiant = "attente" + Guid.NewGuid().ToString("N")[..8];
        await Fixture.Server.CreateParentAsync(identifiant, Password, identifiant + "@exemple.test", "ATTENTE", "LOU");
        var configuration = Fixture.Server.Services.GetRequiredService<IConfiguration>();
        var setting = configuration[SignInModel.WaitingRoomSetting];
        using var gate = new ManualResetEventSlim();
        try
        {
            // The shared portal keeps the room out of the other journeys; this one asks for it past a second,
            // with every password thread held and more checks queued behind them.
            configuration[SignInModel.WaitingRoomSetting] = "1";
            var work = Fixture.Server.Services.GetRequiredService<PasswordWork>();
            var held = Enumerable.Range(0, 40).Select(_ => work.RunAsync(() => gate.Wait(TimeSpan.FromSeconds(120)))).ToList();

            await VisitAsync("/connexion");
            await Page.GetByLabel("Identifiant").FillAsync(identifiant);
            await Page.GetByLabel("Mot de passe").FillAsync(Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();

            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vous êtes dans la file d'attente");
            Assert.EndsWith("/connexion/attente", new Uri(Page.Url).AbsolutePath, StringComparison.Ordinal);
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre position :");
            Assert.DoesNotContain(Password, await Page.ContentAsync(), StringComparison.Ordinal);
            await CheckCurrentPageAsync();
            var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 360, $"The waiting room is {scrollWidth} px wide on a 360 px screen.");

            gate.Set();
            await Task.WhenAll(held);
            await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.DoesNotContain("/connexion", new Uri(Page.Url).AbsolutePath, StringComparison.Ordinal);
        }
        finally
        {
            gate.Set();
            configuration[SignInModel.WaitingRoomSetting] = setting;
        }
    }
}
