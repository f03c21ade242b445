using System.Net;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

public class SignInTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task Sign_in_is_by_identifiant_whatever_its_case_and_opens_actualites()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var client = PageClient.For(factory);

        var response = await SignInAsync(client, identifiant.ToUpperInvariant(), Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/actualites", response.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/mon-compte");
        Assert.Contains(identifiant, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_auth_cookie_is_host_bound_secure_http_only_and_lax()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var response = await SignInAsync(PageClient.For(factory), identifiant, Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-FamilyPortal.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_wrong_password_or_an_unknown_identifiant_get_the_same_message(bool known)
    {
        var identifiant = NewIdentifiant();
        if (known)
        {
            await CreateAccountAsync(factory, identifiant, NewEmail());
        }
        var response = await SignInAsync(PageClient.For(factory), identifiant, "Pas le bon mot de passe du tout");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(SignInModel.Refusal, page.QuerySelector(".validation-summary li")!.TextContent.Trim());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes_even_against_the_right_password()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var client = PageClient.For(factory);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, identifiant, "Mauvais mot de passe numéro " + i);
        }

        var locked = await SignInAsync(client, identifiant, Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        // The answer of a wrong password: it would tell an attacker which identifiants exist (see LockoutTests).
        var message = (await PageClient.ParseAsync(locked)).QuerySelector(".validation-summary li")!.TextContent.Trim();
        Assert.Equal(SignInModel.Refusal, message);
        factory.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, identifiant, Password)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await SignInAsync(client, identifiant, Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server_so_a_replayed_cookie_no_longer_works()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var client = PageClient.For(factory);
        var signIn = await SignInAsync(client, identifiant, Password);
        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-FamilyPortal.Auth=", StringComparison.Ordinal)).Split(';')[0];

        var account = await client.GetPageAsync("/mon-compte");
        var signOut = await client.SubmitAsync(account, "/mon-compte", new Dictionary<string, string?>(), formAction: "/deconnexion");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replay = PageClient.For(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/mon-compte");
        request.Headers.Add("Cookie", authCookie);
        var response = await replay.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion", response.Headers.Location!.PathAndQuery.Length > 0 ? response.Headers.Location.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal) : "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mon_compte_needs_a_signed_in_account()
    {
        var response = await PageClient.For(factory).Http.GetAsync("/mon-compte");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/connexion", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
