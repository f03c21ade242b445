using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>
/// Failures sent all at once count one by one: every wrong password, authenticator code or secret answer
/// raises the account's counter in the database itself, so a burst of parallel guesses locks the account
/// as surely as the same guesses one after the other.
/// </summary>
public class LockoutTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const int Burst = 20;

    private static Dictionary<string, string?> Credentials(string identifiant, string password) =>
        new() { ["Identifiant"] = identifiant, ["Password"] = password };

    /// <summary>Posts the same form <see cref="Burst"/> times at once, each with its own values.</summary>
    private static async Task<HttpResponseMessage[]> BurstAsync(PageClient client, string url, Func<int, Dictionary<string, string?>> values)
    {
        var form = await client.GetPageAsync(url);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = Enumerable.Range(0, Burst).Select(async i =>
        {
            await start.Task;
            return await client.SubmitAsync(form, url, values(i));
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(posts);
    }

    private async Task<(int Failures, DateTimeOffset? LockedUntil)> LockoutOfAsync(string accountId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == accountId)
            .Select(u => new { u.AccessFailedCount, u.LockoutEnd }).SingleAsync();
        return (row.AccessFailedCount, row.LockoutEnd);
    }

    private async Task AssertLockedAsync(string accountId)
    {
        var (_, lockedUntil) = await LockoutOfAsync(accountId);
        Assert.True(lockedUntil > factory.Clock.GetUtcNow(), $"{Burst} failures at once left the account unlocked");
    }

    [Fact]
    public async Task Twenty_wrong_passwords_at_the_same_instant_lock_the_account_and_the_right_one_waits_for_the_end()
    {
        var identifiant = NewIdentifiant();
        var account = await CreateAccountAsync(factory, identifiant, NewEmail());

        var answers = await BurstAsync(PageClient.For(factory), "/connexion", i => Credentials(identifiant, $"Mauvais mot de passe numéro {i}"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertLockedAsync(account.Id);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(PageClient.For(factory), identifiant, Password)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(PageClient.For(factory), identifiant, Password)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var after = await SignInAsync(PageClient.For(factory), identifiant, Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/actualites", after.Headers.Location!.OriginalString);
        Assert.Equal(0, (await LockoutOfAsync(account.Id)).Failures);
    }

    [Fact]
    public async Task Unknown_known_and_locked_identifiants_get_the_same_answer_after_one_password_check_each()
    {
        var known = NewIdentifiant();
        await CreateAccountAsync(factory, known, NewEmail());
        var locked = NewIdentifiant();
        var lockedAccount = await CreateAccountAsync(factory, locked, NewEmail());
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(PageClient.For(factory), locked, $"Mauvais mot de passe numéro {i}");
        }
        await AssertLockedAsync(lockedAccount.Id);
        var checks = factory.Services.GetRequiredService<PasswordWork>();

        var answers = new List<string>();
        foreach (var (identifiant, password) in new[]
        {
            (NewIdentifiant(), "Un mot de passe quelconque"), (known, "Un mot de passe quelconque"),
            (locked, "Un mot de passe quelconque"), (locked, Password),
        })
        {
            var before = checks.Completed;
            var response = await SignInAsync(PageClient.For(factory), identifiant, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before + 1, checks.Completed);
            answers.Add((await PageClient.ParseAsync(response)).QuerySelector("main")!.TextContent);
        }

        Assert.Single(answers.Distinct());
        Assert.Contains(SignInModel.Refusal, answers[0], StringComparison.Ordinal);
        Assert.DoesNotContain("verrouillé", answers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Four_wrong_passwords_at_the_same_instant_count_four()
    {
        var identifiant = NewIdentifiant();
        var account = await CreateAccountAsync(factory, identifiant, NewEmail());
        var client = PageClient.For(factory);
        var form = await client.GetPageAsync("/connexion");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            client.SubmitAsync(form, "/connexion", Credentials(identifiant, $"Mauvais mot de passe numéro {i}"))));

        Assert.Equal((4, null), await LockoutOfAsync(account.Id));
    }

    [Fact]
    public async Task Twenty_wrong_authenticator_codes_at_the_same_instant_lock_a_staff_account_and_the_right_code_waits_for_the_end()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, staff);
        var key = StaffJourney.Keys[staff.Id];
        var client = PageClient.For(factory);
        Assert.Equal("/connexion/code", (await client.PostFormAsync("/connexion", Credentials(staff.Login, StaffJourney.Password))).Headers.Location!.OriginalString);
        var wrong = Totp.WrongCode(key);

        var answers = await BurstAsync(client, "/connexion/code", _ => new() { ["Code"] = wrong });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertLockedAsync(staff.Id);
        var right = await client.PostFormAsync("/connexion/code", new Dictionary<string, string?> { ["Code"] = Totp.FreshCode(key) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("Votre compte est verrouillé", PageClient.ErrorOf(await PageClient.ParseAsync(right), "Code"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/admin")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await PageClient.For(factory).PostFormAsync("/connexion", Credentials(staff.Login, StaffJourney.Password))).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var later = await StaffJourney.SignInAsync(factory, staff);
        Assert.Equal(HttpStatusCode.OK, (await later.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Four_wrong_authenticator_codes_at_the_same_instant_count_four()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, staff);
        var client = PageClient.For(factory);
        await client.PostFormAsync("/connexion", Credentials(staff.Login, StaffJourney.Password));
        var form = await client.GetPageAsync("/connexion/code");
        var wrong = new Dictionary<string, string?> { ["Code"] = Totp.WrongCode(StaffJourney.Keys[staff.Id]) };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SubmitAsync(form, "/connexion/code", wrong)));

        Assert.Equal((4, null), await LockoutOfAsync(staff.Id));
    }

    [Fact]
    public async Task Twenty_wrong_secret_answers_at_the_same_instant_lock_the_reset_and_the_right_answer_waits_for_the_end()
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        var account = await CreateAccountAsync(factory, identifiant, email);
        await PageClient.For(factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = identifiant });
        var link = LinkTo((await MailToAsync(factory, email)).Single(m => m.Subject == "Réinitialisation de votre mot de passe"), "/reinitialiser-mot-de-passe");
        const string newPassword = "Une nouvelle phrase de passe 2026";
        Dictionary<string, string?> Reset(string answer) => new() { ["SecretAnswer"] = answer, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword };

        var answers = await BurstAsync(PageClient.For(factory), link, i => Reset($"Mauvaise réponse {i}"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertLockedAsync(account.Id);
        var refused = await PageClient.For(factory).PostFormAsync(link, Reset("Anne"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Trop de réponses incorrectes", (await PageClient.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var reset = await PageClient.For(factory).PostFormAsync(link, Reset("Anne"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(PageClient.For(factory), identifiant, newPassword)).StatusCode);
    }
}
