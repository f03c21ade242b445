using System.Net;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

public class RecoveryTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string NewPassword = "Un tout nouveau secret de famille";

    private static Dictionary<string, string?> ResetForm(string answer, string password) => new()
    {
        ["SecretAnswer"] = answer,
        ["NewPassword"] = password,
        ["ConfirmPassword"] = password,
    };

    [Fact]
    public async Task Known_and_unknown_inputs_get_the_same_page()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());

        var known = await PageClient.For(factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = identifiant });
        var unknown = await PageClient.For(factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = NewIdentifiant() });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownText = (await PageClient.ParseAsync(known)).QuerySelector("main")!.TextContent;
        var unknownText = (await PageClient.ParseAsync(unknown)).QuerySelector("main")!.TextContent;
        Assert.Equal(knownText, unknownText);
        Assert.Contains("Si un compte correspond à cette saisie", knownText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_by_email_link_needs_the_secret_answer_and_signs_out_every_other_session()
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        await CreateAccountAsync(factory, identifiant, email);
        var otherDevice = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(otherDevice, identifiant, Password)).StatusCode);

        await PageClient.For(factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = email.ToUpperInvariant() });
        var mail = (await MailToAsync(factory, email)).Single(m => m.Subject == "Réinitialisation de votre mot de passe");
        var link = LinkTo(mail, "/reinitialiser-mot-de-passe");

        var client = PageClient.For(factory);
        var wrong = await client.PostFormAsync(link, ResetForm("Bernard", NewPassword));
        Assert.Equal("La réponse à la question secrète est incorrecte.", PageClient.ErrorOf(await PageClient.ParseAsync(wrong), "SecretAnswer"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(PageClient.For(factory), identifiant, Password)).StatusCode);

        // The answer is normalised: case, accents and spaces do not matter.
        var done = await client.PostFormAsync(link, ResetForm("  ANNE ", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(PageClient.For(factory), identifiant, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(PageClient.For(factory), identifiant, NewPassword)).StatusCode);
        var stale = await otherDevice.Http.GetAsync("/mon-compte");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);

        // Single use: the same link no longer works.
        var again = await client.Http.GetAsync(link);
        Assert.Contains("Ce lien n'est pas valable", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_link_expires_after_one_hour()
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        await CreateAccountAsync(factory, identifiant, email);
        await PageClient.For(factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = identifiant });
        var link = LinkTo((await MailToAsync(factory, email)).Single(m => m.Subject == "Réinitialisation de votre mot de passe"), "/reinitialiser-mot-de-passe");

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        var page = await PageClient.For(factory).Http.GetAsync(link);

        Assert.Contains("Ce lien n'est pas valable", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(PageClient.For(factory), identifiant, Password)).StatusCode);
    }

    [Fact]
    public async Task Forgotten_identifiant_lists_every_account_of_the_address()
    {
        var email = NewEmail();
        var first = NewIdentifiant();
        var second = NewIdentifiant();
        await CreateAccountAsync(factory, first, email);
        await CreateAccountAsync(factory, second, email);

        var response = await PageClient.For(factory).PostFormAsync("/identifiant-oublie", new Dictionary<string, string?> { ["Email"] = email });

        Assert.Contains("Si des comptes utilisent cette adresse", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = (await MailToAsync(factory, email)).Single(m => m.Subject == "Vos identifiants Portail Famille");
        Assert.Contains(first, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(second, mail.TextBody, StringComparison.Ordinal);

        var unknown = NewEmail();
        var neutral = await PageClient.For(factory).PostFormAsync("/identifiant-oublie", new Dictionary<string, string?> { ["Email"] = unknown });
        Assert.Contains("Si des comptes utilisent cette adresse", await neutral.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await MailToAsync(factory, unknown));
    }
}
