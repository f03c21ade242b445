using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

public class RegistrationTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task The_way_to_the_form_follows_the_guide()
    {
        var client = PageClient.For(factory);
        var home = await client.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Je me connecte" && a.GetAttribute("href") == "/connexion");
        var signIn = await client.GetPageAsync("/connexion");
        Assert.Contains("Mon compte", signIn.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(signIn.QuerySelector("label[for=Identifiant]"));
        Assert.Contains(signIn.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Je n'ai pas de compte");
        Assert.Contains(signIn.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Mot de passe oublié");
        var question = await client.GetPageAsync("/compte/possedez-vous-un-compte");
        Assert.Contains("Possédez-vous déjà un compte pour Portail Famille ?", question.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(question.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Non" && a.GetAttribute("href") == "/creer-un-compte");
        var form = await client.GetPageAsync("/creer-un-compte");
        foreach (var label in new[] { "Nom de votre foyer *", "Identifiant *", "Mot de passe *", "Confirmation de mot de passe *", "Question secrète *", "Réponse *", "Nom *", "Prénom *", "Email principal *", "Téléphone principal", "Email secondaire" })
        {
            Assert.Contains(form.QuerySelectorAll("label"), l => l.TextContent.Trim() == label);
        }
        Assert.Contains("Ce compte sera utilisé pour", form.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(form.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Enregistrer");
    }

    [Fact]
    public async Task Creating_an_account_sends_the_login_email_and_the_code_of_each_family_registered_with_that_address()
    {
        var tenantA = await TenantBuilder.CreateAsync(factory, "COMMUNE D'ALPHA");
        var email = tenantA.FamilyEmail;
        var identifiant = NewIdentifiant();

        var response = await RegisterAsync(PageClient.For(factory), Registration(identifiant, email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var account = await FindAsync(factory, identifiant);
        Assert.NotNull(account);
        Assert.Equal(email, account.Email);
        Assert.Equal("0612345678", account.PhoneNumber);
        Assert.False(account.EmailConfirmed);
        Assert.DoesNotContain("Anne", account.SecretAnswerHash, StringComparison.OrdinalIgnoreCase);

        var mails = await MailToAsync(factory, email);
        Assert.Equal(2, mails.Count);
        var login = mails.Single(m => m.Subject == "Votre compte Portail Famille");
        Assert.Contains($"Votre identifiant : {identifiant}", login.TextBody, StringComparison.Ordinal);
        var code = mails.Single(m => m.Subject.StartsWith("Votre code d'adhésion", StringComparison.Ordinal));
        Assert.Contains("COMMUNE D'ALPHA", code.Subject, StringComparison.Ordinal);
        Assert.Contains(tenantA.AdhesionCode, code.TextBody, StringComparison.Ordinal);
        Assert.Contains("Cliquez ici pour gérer vos abonnements", code.TextBody, StringComparison.Ordinal);
        Assert.Equal(tenantA.MunicipalityId, code.MunicipalityId);

        // The link of email 1 confirms the address and opens the sign-in with the identifiant.
        var client = PageClient.For(factory);
        var confirm = await client.Http.GetAsync(LinkTo(login, "/confirmer-email"));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.StartsWith("/connexion", confirm.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var signIn = await client.GetPageAsync(confirm.Headers.Location!.OriginalString);
        Assert.Equal(identifiant, signIn.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Identifiant")!.Value);
        Assert.True((await FindAsync(factory, identifiant))!.EmailConfirmed);
    }

    [Fact]
    public async Task No_code_is_sent_when_no_collectivite_registered_the_address()
    {
        await TenantBuilder.CreateAsync(factory);
        var email = NewEmail();
        await CreateAccountAsync(factory, NewIdentifiant(), email);
        var mails = await MailToAsync(factory, email);
        Assert.Equal("Votre compte Portail Famille", Assert.Single(mails).Subject);
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        { "Input.HouseholdName", "", "Input.HouseholdName", "Le champ « Nom de votre foyer » est obligatoire." },
        { "Input.Identifiant", "abc", "Input.Identifiant", "L'identifiant doit contenir entre 4 et 50 caractères." },
        { "Input.Identifiant", "jean dupond", "Input.Identifiant", "L'identifiant ne peut contenir que des lettres sans accent, des chiffres et les caractères « . », « _ » et « - »." },
        { "Input.Identifiant", "élodie.m", "Input.Identifiant", "L'identifiant ne peut contenir que des lettres sans accent, des chiffres et les caractères « . », « _ » et « - »." },
        { "Input.Password", "court", "Input.Password", "Le mot de passe doit contenir au moins 12 caractères." },
        { "Input.Password", "motdepasse123", "Input.Password", "Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en un autre, par exemple une phrase de plusieurs mots." },
        { "Input.Password", "azertyuiop12", "Input.Password", "Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en un autre, par exemple une phrase de plusieurs mots." },
        { "Input.Password", "Le foyer DUPOND est content", "Input.Password", "Le mot de passe ne doit contenir ni votre identifiant ni le nom de votre foyer." },
        { "Input.ConfirmPassword", "Une autre phrase de passe 2026", "Input.ConfirmPassword", "La confirmation ne correspond pas au mot de passe." },
        { "Input.SecretQuestion", "Question inventée", "Input.SecretQuestion", "Choisissez une question secrète dans la liste." },
        { "Input.SecretAnswer", "", "Input.SecretAnswer", "Le champ « Réponse » est obligatoire." },
        { "Input.LastName", "", "Input.LastName", "Le champ « Nom » est obligatoire." },
        { "Input.FirstName", " ", "Input.FirstName", "Le champ « Prénom » est obligatoire." },
        { "Input.Email", "", "Input.Email", "L'email principal est obligatoire." },
        { "Input.Email", "pas-une-adresse", "Input.Email", "Saisissez une adresse email valide, par exemple nom@exemple.fr." },
        { "Input.Email", "a@b.fr\r\nBcc: victime@exemple.test", "Input.Email", "Saisissez une adresse email valide, par exemple nom@exemple.fr." },
        { "Input.Email", "a@exemple.fr, b@exemple.fr", "Input.Email", "Saisissez une adresse email valide, par exemple nom@exemple.fr." },
        { "Input.SecondaryEmail", "x@", "Input.SecondaryEmail", "Saisissez une adresse email valide, par exemple nom@exemple.fr." },
        { "Input.PrimaryPhone", "12345", "Input.PrimaryPhone", "Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78." },
        { "Input.SecondaryPhone", "+44 20 7946 0958", "Input.SecondaryPhone", "Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78." },
        { "Input.Notification", "SMS", "Input.Notification", "Choisissez un mode de notification proposé." },
        { "Input.Civility", "Dr", "Input.Civility", "Choisissez « M. » ou « Mme »." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Each_rule_answers_with_its_french_message_next_to_the_field_and_creates_nothing(
        string field, string value, string errorField, string message)
    {
        var before = await AccountCountAsync(factory);
        var identifiant = NewIdentifiant();
        var form = Registration(identifiant, NewEmail());
        form[field] = value;

        var response = await RegisterAsync(PageClient.For(factory), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(message, PageClient.ErrorOf(page, errorField));
        Assert.Equal(before, await AccountCountAsync(factory));
        Assert.Null(await FindAsync(factory, identifiant));
    }

    [Fact]
    public async Task A_taken_identifiant_is_refused_whatever_its_case()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var before = await AccountCountAsync(factory);
        var email = NewEmail();

        var response = await RegisterAsync(PageClient.For(factory), Registration(identifiant.ToUpperInvariant(), email));

        var page = await PageClient.ParseAsync(response);
        Assert.Equal("Cet identifiant est déjà pris : choisissez-en un autre.", PageClient.ErrorOf(page, "Input.Identifiant"));
        Assert.Equal(before, await AccountCountAsync(factory));
        Assert.Empty(await MailToAsync(factory, email));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_pbkdf2_iterations()
    {
        var account = await CreateAccountAsync(factory, NewIdentifiant(), NewEmail());
        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(account.PasswordHash!);
        Assert.Equal(0x01, bytes[0]);
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
        await using var scope = factory.Scope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalAccount>>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(account, account.PasswordHash!, Password));
    }
}
