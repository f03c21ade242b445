using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

public sealed class ProtectionTests : IDisposable
{
    private sealed class LimitedFactory : PortalFactory
    {
        public LimitedFactory() : base(new Dictionary<string, string?>
        {
            ["Captcha:Enabled"] = "false",
            ["Security:RecoveryResponseFloorMs"] = "0",
            ["RateLimits:connexion:PermitLimit"] = "3",
            ["RateLimits:recuperation:PermitLimit"] = "2",
        })
        {
        }
    }

    private readonly LimitedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_a_french_429_page()
    {
        var client = PageClient.For(_factory);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "inconnu" + i, "Mot de passe quelconque")).StatusCode);
        }
        var limited = await SignInAsync(client, "inconnu", "Mot de passe quelconque");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Trop de tentatives", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reading the page is not limited, only submissions are.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/connexion")).StatusCode);
    }

    [Fact]
    public async Task Displays_of_the_account_form_are_limited_per_address_and_a_refused_one_writes_no_captcha()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?> { ["RateLimits:inscription-affichage:PermitLimit"] = "3" });
        var client = PageClient.For(factory);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/creer-un-compte")).StatusCode);
        }
        Assert.Equal(3, await CaptchaCountAsync(factory));

        var limited = await client.Http.GetAsync("/creer-un-compte");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Trop de tentatives", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await CaptchaCountAsync(factory));
        // Another address has its own count.
        Assert.Equal(HttpStatusCode.OK, (await TestClientAddress.From(factory, "198.51.100.9").Http.GetAsync("/creer-un-compte")).StatusCode);
    }

    private static async Task<int> CaptchaCountAsync(PortalFactory factory)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().CaptchaChallenges.CountAsync();
    }

    [Fact]
    public async Task Ipv6_clients_are_counted_by_their_64_network_and_ipv4_clients_by_their_address()
    {
        // Three sign-ins from three addresses of one /64, and the fourth, from a fourth one, is refused.
        foreach (var address in new[] { "2001:db8:7:1::10", "2001:db8:7:1:ffff:1:2:3", "2001:db8:7:1:abcd::2" })
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_factory, address), "inconnu", "Mot de passe quelconque")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await SignInAsync(TestClientAddress.From(_factory, "2001:db8:7:1::99"), "inconnu", "Mot de passe quelconque")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await SignInAsync(TestClientAddress.From(_factory, "2001:db8:7:2::10"), "inconnu", "Mot de passe quelconque")).StatusCode);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_factory, "192.0.2.10"), "inconnu", "Mot de passe quelconque")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await SignInAsync(TestClientAddress.From(_factory, "192.0.2.10"), "inconnu", "Mot de passe quelconque")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await SignInAsync(TestClientAddress.From(_factory, "192.0.2.11"), "inconnu", "Mot de passe quelconque")).StatusCode);
    }

    [Fact]
    public async Task Recovery_requests_are_limited_per_address()
    {
        var client = PageClient.For(_factory);
        for (var i = 0; i < 2; i++)
        {
            var ok = await client.PostFormAsync("/identifiant-oublie", new Dictionary<string, string?> { ["Email"] = NewEmail() });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var limited = await client.PostFormAsync("/identifiant-oublie", new Dictionary<string, string?> { ["Email"] = NewEmail() });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Logs_never_hold_passwords_answers_tokens_or_cookies()
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        await CreateAccountAsync(_factory, identifiant, email);
        var client = PageClient.For(_factory);
        var signIn = await SignInAsync(client, identifiant, Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").First().Split(';')[0].Split('=', 2)[1];
        await SignInAsync(PageClient.For(_factory), identifiant, "Un mauvais mot de passe visible");
        await PageClient.For(_factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = identifiant });
        var link = LinkTo((await MailToAsync(_factory, email)).Single(m => m.Subject.StartsWith("Réinit", StringComparison.Ordinal)), "/reinitialiser-mot-de-passe");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("jeton=", StringComparison.Ordinal) + 6)..]);
        await PageClient.For(_factory).PostFormAsync(link, new Dictionary<string, string?>
        {
            ["SecretAnswer"] = "Réponse fausse visible",
            ["NewPassword"] = "Nouvelle phrase jamais loggée",
            ["ConfirmPassword"] = "Nouvelle phrase jamais loggée",
        });

        var logs = await LogText.ReadAsync(_factory);
        Assert.Contains("Connexion du compte", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { Password, "Un mauvais mot de passe visible", "Anne", "Réponse fausse visible", "Nouvelle phrase jamais loggée", token, cookie })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
