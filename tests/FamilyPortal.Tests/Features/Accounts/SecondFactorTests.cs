using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Accounts;

public class SecondFactorTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static Dictionary<string, string?> Credentials(StaffJourney.StaffAccount staff) =>
        new() { ["Identifiant"] = staff.Login, ["Password"] = StaffJourney.Password };

    [Fact]
    public async Task The_first_sign_in_of_an_agent_shows_the_key_then_a_right_code_opens_the_tableau_de_bord()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var client = PageClient.For(factory);

        var password = await client.PostFormAsync("/connexion", Credentials(staff));
        Assert.Equal("/connexion/authentificateur", password.Headers.Location!.OriginalString);
        // The password alone signs nobody in.
        var early = await client.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.StartsWith("/connexion", early.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var enrol = await client.GetPageAsync("/connexion/authentificateur");
        var key = StaffJourney.KeyOf(enrol);
        var uri = enrol.QuerySelector("[data-testid=uri-authentificateur]")!.TextContent;
        Assert.StartsWith("otpauth://totp/Portail%20Famille:" + staff.Login + "?secret=" + key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), uri, StringComparison.Ordinal);
        Assert.Equal(key, StaffJourney.KeyOf(await client.GetPageAsync("/connexion/authentificateur")));

        var done = await client.PostFormAsync("/connexion/authentificateur", new Dictionary<string, string?> { ["Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/admin", done.Headers.Location!.OriginalString);
        var dashboard = await client.GetPageAsync("/admin");
        Assert.Contains(tenant.Name, dashboard.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await TwoFactorEnabledAsync(staff));
    }

    [Fact]
    public async Task Later_sign_ins_ask_the_code_and_a_wrong_code_is_refused_and_counted()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        await StaffJourney.SignInAsync(factory, staff);
        var key = StaffJourney.Keys[staff.Id];
        var client = PageClient.For(factory);

        var password = await client.PostFormAsync("/connexion", Credentials(staff));
        Assert.Equal("/connexion/code", password.Headers.Location!.OriginalString);
        var wrong = await client.PostFormAsync("/connexion/code", new Dictionary<string, string?> { ["Code"] = Totp.WrongCode(key) });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = await PageClient.ParseAsync(wrong);
        Assert.StartsWith("Ce code est incorrect", PageClient.ErrorOf(page, "Code"), StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(staff));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/admin")).StatusCode);

        var right = await client.PostFormAsync("/connexion/code", new Dictionary<string, string?> { ["Code"] = Totp.FreshCode(key) });
        Assert.Equal("/admin", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(0, await FailedCountAsync(staff));
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_even_against_the_right_code()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, staff);
        var key = StaffJourney.Keys[staff.Id];
        var client = PageClient.For(factory);
        await client.PostFormAsync("/connexion", Credentials(staff));
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/connexion/code", new Dictionary<string, string?> { ["Code"] = Totp.WrongCode(key) });
        }

        var locked = await client.PostFormAsync("/connexion/code", new Dictionary<string, string?> { ["Code"] = Totp.FreshCode(key) });

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.StartsWith("Votre compte est verrouillé", PageClient.ErrorOf(await PageClient.ParseAsync(locked), "Code"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_malformed_code_gets_a_french_message_and_counts_nothing()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var client = PageClient.For(factory);
        await client.PostFormAsync("/connexion", Credentials(staff));

        var response = await client.PostFormAsync("/connexion/authentificateur", new Dictionary<string, string?> { ["Code"] = "12ab" });

        Assert.Equal("Saisissez les 6 chiffres affichés par votre application d'authentification.",
            PageClient.ErrorOf(await PageClient.ParseAsync(response), "Code"));
        Assert.False(await TwoFactorEnabledAsync(staff));
        Assert.Equal(0, await FailedCountAsync(staff));
    }

    [Theory]
    [InlineData("/connexion/code")]
    [InlineData("/connexion/authentificateur")]
    public async Task The_code_pages_need_the_password_first(string url)
    {
        var response = await PageClient.For(factory).Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("/connexion/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_lands_on_the_platform_page_and_is_refused_the_admin_pages()
    {
        var operatorAccount = await StaffJourney.CreateAsync(factory, null, Roles.Operator);
        var client = await StaffJourney.SignInAsync(factory, operatorAccount);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/plateforme")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Staff_are_refused_the_platform_page_and_parents_every_admin_page()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var staffClient = await StaffJourney.SignInAsync(factory, staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffClient.Http.GetAsync("/plateforme")).StatusCode);

        var identifiant = Accounts.AccountJourney.NewIdentifiant();
        await Accounts.AccountJourney.CreateAccountAsync(factory, identifiant, Accounts.AccountJourney.NewEmail());
        var parent = PageClient.For(factory);
        var signIn = await Accounts.AccountJourney.SignInAsync(parent, identifiant, Accounts.AccountJourney.Password);
        Assert.Equal("/actualites", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.Http.GetAsync("/plateforme")).StatusCode);
    }

    [Fact]
    public async Task A_code_already_used_or_older_is_refused_without_counting_a_failure_and_the_next_one_works()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, staff);
        var key = StaffJourney.Keys[staff.Id];
        var used = await LastStepAsync(staff);
        Assert.NotNull(used);
        var client = PageClient.For(factory);
        await client.PostFormAsync("/connexion", Credentials(staff));

        foreach (var step in new[] { used.Value, used.Value - 1 })
        {
            var again = await client.PostFormAsync("/connexion/code", new Dictionary<string, string?> { ["Code"] = Totp.CodeAtStep(key, step) });

            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("Ce code a déjà été utilisé, attendez le suivant.", PageClient.ErrorOf(await PageClient.ParseAsync(again), "Code"));
            Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/admin")).StatusCode);
            Assert.Equal(0, await FailedCountAsync(staff));
            Assert.Equal(used, await LastStepAsync(staff));
        }

        var next = await client.PostFormAsync("/connexion/code", new Dictionary<string, string?> { ["Code"] = Totp.FreshCode(key) });
        Assert.Equal("/admin", next.Headers.Location!.OriginalString);
        Assert.True(await LastStepAsync(staff) > used);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_code_that_enrolled_the_app_cannot_sign_in_a_second_time()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var first = PageClient.For(factory);
        await first.PostFormAsync("/connexion", Credentials(staff));
        var key = StaffJourney.KeyOf(await first.GetPageAsync("/connexion/authentificateur"));
        var code = Totp.Code(key);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/connexion/authentificateur", new Dictionary<string, string?> { ["Code"] = code })).StatusCode);

        var second = PageClient.For(factory);
        await second.PostFormAsync("/connexion", Credentials(staff));
        var replay = await second.PostFormAsync("/connexion/code", new Dictionary<string, string?> { ["Code"] = code });

        Assert.Equal("Ce code a déjà été utilisé, attendez le suivant.", PageClient.ErrorOf(await PageClient.ParseAsync(replay), "Code"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_enrolment_shows_a_qr_code_of_the_otpauth_address_drawn_inline_beside_the_written_key()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var client = PageClient.For(factory);
        await client.PostFormAsync("/connexion", Credentials(staff));

        var response = await client.Http.GetAsync("/connexion/authentificateur");
        var page = await PageClient.ParseAsync(response);

        var uri = page.QuerySelector("[data-testid=uri-authentificateur]")!.TextContent;
        Assert.NotEmpty(StaffJourney.KeyOf(page));
        var svg = page.QuerySelector("svg[data-testid=qr-authentificateur]");
        Assert.NotNull(svg);
        Assert.Equal("img", svg.GetAttribute("role"));
        var caption = page.GetElementById(svg.GetAttribute("aria-labelledby")!);
        Assert.Contains("Code QR", caption!.TextContent, StringComparison.Ordinal);
        // The drawing is the QR code of the address written below it, and needs nothing the CSP forbids.
        var expected = FamilyPortal.Web.Features.Accounts.QrCodeImage.For(uri);
        Assert.Equal(expected.Path, svg.QuerySelector("path")!.GetAttribute("d"));
        Assert.Equal($"0 0 {expected.Size} {expected.Size}", svg.GetAttribute("viewBox"));
        Assert.Empty(svg.QuerySelectorAll("[style], script, image, img"));
        Assert.Null(svg.GetAttribute("style"));
        Assert.Empty(page.QuerySelectorAll("img[src^='data:']"));
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    private async Task<long?> LastStepAsync(StaffJourney.StaffAccount staff)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Users.Where(u => u.Id == staff.Id).Select(u => u.LastAuthenticatorStep).SingleAsync();
    }

    private async Task<bool> TwoFactorEnabledAsync(StaffJourney.StaffAccount staff)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        return await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(staff.Id))!);
    }

    private async Task<int> FailedCountAsync(StaffJourney.StaffAccount staff)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        return await users.GetAccessFailedCountAsync((await users.FindByIdAsync(staff.Id))!);
    }
}
