using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>« Rester connecté sur cet appareil »: 30 days renewed by use, revocable, never for staff.</summary>
public class RememberedDeviceTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string AndroidChrome =
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    private const string WindowsFirefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private static PageClient Browser(PortalFactory factory, string userAgent)
    {
        var client = PageClient.For(factory);
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    private static async Task<HttpResponseMessage> SignInAsync(PageClient client, string identifiant, bool remember) =>
        await client.PostFormAsync("/connexion", new Dictionary<string, string?>
        {
            ["Identifiant"] = identifiant,
            ["Password"] = Password,
            ["RememberDevice"] = remember ? "true" : null,
        });

    private async Task<(string Identifiant, PortalAccount Account)> NewParentAsync()
    {
        var identifiant = NewIdentifiant();
        return (identifiant, await CreateAccountAsync(factory, identifiant, NewEmail()));
    }

    private async Task<List<RememberedDevice>> DevicesOfAsync(string accountId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().RememberedDevices.AsNoTracking()
            .Where(d => d.AccountId == accountId).ToListAsync();
    }

    private static string DeviceCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-FamilyPortal.Device=", StringComparison.Ordinal))
            .Split('=', 2)[1];

    private long PasswordChecks => factory.Services.GetRequiredService<PasswordWork>().Completed;

    [Fact]
    public async Task A_returning_parent_with_a_remembered_device_is_signed_in_without_a_password_check()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        var signIn = await SignInAsync(phone, identifiant, remember: true);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var secret = DeviceCookieOf(signIn);

        // The next day: the 12-hour session is over, the device is not.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var checksBefore = PasswordChecks;
        var back = await phone.Http.GetAsync("/connexion?retour=%2Fmon-compte");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/mon-compte", back.Headers.Location!.OriginalString);
        var page = await phone.GetPageAsync("/mon-compte");
        Assert.Equal(checksBefore, PasswordChecks);

        var device = Assert.Single(await DevicesOfAsync(account.Id));
        Assert.Equal("Chrome sur Android", device.Label);
        Assert.Equal(AccountSessions.HashOf(secret), device.SecretHash);
        Assert.NotEqual(secret, device.SecretHash);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, device.LastUsedAtUtc);
        var listed = page.QuerySelector(".device-list")!.TextContent;
        Assert.Contains("Chrome sur Android (cet appareil)", listed, StringComparison.Ordinal);
        Assert.Contains("Dernière utilisation le", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_asked_for_directly_is_served_at_once_to_a_remembered_device()
    {
        var (identifiant, _) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);
        factory.Clock.Advance(TimeSpan.FromHours(13));
        Assert.Equal(HttpStatusCode.OK, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
    }

    [Fact]
    public async Task Without_the_box_nothing_is_remembered()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        var signIn = await SignInAsync(phone, identifiant, remember: false);
        Assert.DoesNotContain(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("Device", StringComparison.Ordinal));
        Assert.Empty(await DevicesOfAsync(account.Id));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
    }

    [Fact]
    public async Task Each_use_renews_the_device_for_thirty_days_and_thirty_days_unused_end_it()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);

        factory.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(HttpStatusCode.OK, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
        // 45 days after it was remembered, 25 after its last use.
        factory.Clock.Advance(TimeSpan.FromDays(25));
        Assert.Equal(HttpStatusCode.OK, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddDays(30), Assert.Single(await DevicesOfAsync(account.Id)).ExpiresAtUtc);

        factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var expired = await phone.Http.GetAsync("/mon-compte");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/connexion", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgetting_a_device_in_my_account_signs_that_device_out_at_once()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);
        var laptop = Browser(factory, WindowsFirefox);
        await SignInAsync(laptop, identifiant, remember: true);
        var devices = await DevicesOfAsync(account.Id);
        Assert.Equal(2, devices.Count);

        var forget = await laptop.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["appareil"] = devices.Single(d => d.Label == "Chrome sur Android").Id.ToString() },
            formAction: "ForgetDevice");
        Assert.Equal(HttpStatusCode.Redirect, forget.StatusCode);
        var page = await laptop.GetPageAsync("/mon-compte");
        Assert.Contains("L'appareil « Chrome sur Android » ne restera plus connecté.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Firefox sur Windows", Assert.Single(await DevicesOfAsync(account.Id)).Label);

        // The phone's session, started with the device, ends with it; the device no longer signs in.
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/mon-compte")).StatusCode);
    }

    [Fact]
    public async Task A_parent_cannot_forget_another_accounts_device_nor_send_a_hostile_id()
    {
        var (victimLogin, victim) = await NewParentAsync();
        await SignInAsync(Browser(factory, AndroidChrome), victimLogin, remember: true);
        var victimDevice = Assert.Single(await DevicesOfAsync(victim.Id));
        var (attackerLogin, _) = await NewParentAsync();
        var attacker = Browser(factory, WindowsFirefox);
        await SignInAsync(attacker, attackerLogin, remember: true);

        foreach (var value in new[] { victimDevice.Id.ToString(), "PIRATE' OR 1=1 --", "<script>alert(1)</script>", "" })
        {
            var answer = await attacker.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["appareil"] = value }, formAction: "ForgetDevice");
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }
        Assert.Single(await DevicesOfAsync(victim.Id));
    }

    [Fact]
    public async Task The_form_to_forget_a_device_needs_the_anti_forgery_token()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);
        var device = Assert.Single(await DevicesOfAsync(account.Id));
        var forged = await phone.Http.PostAsync("/mon-compte/ForgetDevice",
            new FormUrlEncodedContent([new("appareil", device.Id.ToString())]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Single(await DevicesOfAsync(account.Id));
    }

    [Fact]
    public async Task A_password_change_forgets_every_device()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);
        var laptop = Browser(factory, WindowsFirefox);
        await SignInAsync(laptop, identifiant, remember: true);

        var changed = await laptop.PostFormAsync("/mon-compte", new Dictionary<string, string?>
        {
            ["Password.Current"] = Password,
            ["Password.New"] = "Un autre secret de famille 2027",
            ["Password.Confirm"] = "Un autre secret de famille 2027",
        }, formAction: "Password");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Empty(await DevicesOfAsync(account.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.Http.GetAsync("/mon-compte")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_forgets_every_device()
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        var account = await CreateAccountAsync(factory, identifiant, email);
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);

        await PageClient.For(factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = email });
        var link = LinkTo((await MailToAsync(factory, email)).Single(m => m.Subject == "Réinitialisation de votre mot de passe"), "/reinitialiser-mot-de-passe");
        var done = await PageClient.For(factory).PostFormAsync(link, new Dictionary<string, string?>
        {
            ["SecretAnswer"] = "Anne",
            ["NewPassword"] = "Un tout nouveau secret de famille",
            ["ConfirmPassword"] = "Un tout nouveau secret de famille",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Empty(await DevicesOfAsync(account.Id));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_forgets_this_device()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);
        var page = await phone.GetPageAsync("/mon-compte");
        var signOut = await phone.SubmitAsync(page, "/mon-compte", new Dictionary<string, string?>(), formAction: "/deconnexion");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Empty(await DevicesOfAsync(account.Id));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_deletes_its_devices()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);
        var deleted = await phone.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["DeletePassword"] = Password }, formAction: "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await DevicesOfAsync(account.Id));
    }

    [Fact]
    public async Task Staff_are_never_remembered_and_their_second_factor_stays_at_each_sign_in()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var client = Browser(factory, WindowsFirefox);
        var password = await client.PostFormAsync("/connexion", new Dictionary<string, string?>
        {
            ["Identifiant"] = staff.Login,
            ["Password"] = StaffJourney.Password,
            ["RememberDevice"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/connexion/authentificateur", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(password.Headers.GetValues("Set-Cookie"), c => c.Contains("Device", StringComparison.Ordinal));
        Assert.Empty(await DevicesOfAsync(staff.Id));
    }

    [Fact]
    public async Task A_device_of_an_account_that_became_staff_is_refused_and_forgotten()
    {
        var (identifiant, account) = await NewParentAsync();
        var phone = Browser(factory, AndroidChrome);
        await SignInAsync(phone, identifiant, remember: true);
        var tenant = await TenantBuilder.CreateAsync(factory);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            await db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.StaffMunicipalityId, tenant.MunicipalityId));
        }
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/mon-compte")).StatusCode);
        Assert.Empty(await DevicesOfAsync(account.Id));
    }
}
