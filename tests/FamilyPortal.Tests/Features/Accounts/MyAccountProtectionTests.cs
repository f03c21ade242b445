using System.Net;
using FamilyPortal.Tests.Email;
using FamilyPortal.Tests.Features.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>« Mon compte » against a stolen session: password checks counted and limited, confirmation links limited, deletion of its own data only.</summary>
public class MyAccountProtectionTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Locked = "Votre compte est verrouillé après plusieurs tentatives infructueuses.";
    private const string TooManyLinks = "Vous avez demandé trop de liens de confirmation aujourd'hui : réessayez demain.";

    private static async Task<(PageClient Client, string Identifiant, string Email)> SignedInAsync(PortalFactory portal)
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        await CreateAccountAsync(portal, identifiant, email);
        var client = PageClient.For(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, identifiant, Password)).StatusCode);
        return (client, identifiant, email);
    }

    private static Task<HttpResponseMessage> PostAsync(PageClient client, string handler, Dictionary<string, string?> values) =>
        client.PostFormAsync("/mon-compte", values, formAction: "/mon-compte/" + handler);

    private static Task<HttpResponseMessage> WrongPasswordChangeAsync(PageClient client) => PostAsync(client, "Password", new()
    {
        ["Password.Current"] = "Ce n'est pas le bon",
        ["Password.New"] = "Une toute nouvelle phrase",
        ["Password.Confirm"] = "Une toute nouvelle phrase",
    });

    private static Task<HttpResponseMessage> EmailChangeAsync(PageClient client, string email, string password = Password) =>
        PostAsync(client, "Email", new() { ["NewEmail.Email"] = email, ["NewEmail.Password"] = password });

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field) =>
        PageClient.ErrorOf(await PageClient.ParseAsync(response), field);

    [Fact]
    public async Task Wrong_passwords_typed_in_my_account_count_towards_the_lockout_like_at_the_sign_in()
    {
        var (client, identifiant, email) = await SignedInAsync(factory);

        Assert.Equal("Le mot de passe actuel est incorrect.", await ErrorAsync(await WrongPasswordChangeAsync(client), "Password.Current"));
        await WrongPasswordChangeAsync(client);
        Assert.Equal("Le mot de passe est incorrect.", await ErrorAsync(await EmailChangeAsync(client, NewEmail(), "mauvais"), "NewEmail.Password"));
        await PostAsync(client, "Question", new()
        {
            ["Question.SecretQuestion"] = "Nom de votre premier animal de compagnie",
            ["Question.SecretAnswer"] = "Médor",
            ["Question.Password"] = "mauvais",
        });
        var fifth = await PostAsync(client, "Delete", new() { ["DeletePassword"] = "mauvais" });
        Assert.StartsWith(Locked, await ErrorAsync(fifth, "DeletePassword"), StringComparison.Ordinal);

        // Locked: the right password is refused too, here and at the sign-in, until the lockout ends.
        var right = await PostAsync(client, "Delete", new() { ["DeletePassword"] = Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith(Locked, await ErrorAsync(right, "DeletePassword"), StringComparison.Ordinal);
        Assert.NotNull(await FindAsync(factory, identifiant));
        var signIn = await SignInAsync(PageClient.For(factory), identifiant, Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        // The sign-in answers a locked account like a wrong password: it does not tell that the account exists.
        Assert.Contains(FamilyPortal.Web.Features.Accounts.SignInModel.Refusal, (await PageClient.ParseAsync(signIn)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await FindAsync(factory, identifiant))!.LockoutEnd);
        Assert.DoesNotContain(await MailToAsync(factory, email), m => m.Subject == "Confirmez votre nouvelle adresse email");
    }

    [Fact]
    public async Task An_empty_password_is_asked_for_and_not_counted()
    {
        var (client, identifiant, _) = await SignedInAsync(factory);

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("Saisissez votre mot de passe.", await ErrorAsync(await PostAsync(client, "Delete", new() { ["DeletePassword"] = "" }), "DeletePassword"));
        }

        Assert.Equal(0, (await FindAsync(factory, identifiant))!.AccessFailedCount);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(PageClient.For(factory), identifiant, Password)).StatusCode);
    }

    [Fact]
    public async Task Password_checks_are_rate_limited_per_account()
    {
        await using var portal = PortalFactory.With(new Dictionary<string, string?>
        {
            ["Captcha:Enabled"] = "false",
            ["RateLimits:mon-compte:PermitLimit"] = "3",
        });
        var (client, _, _) = await SignedInAsync(portal);
        var (other, _, _) = await SignedInAsync(portal);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await WrongPasswordChangeAsync(client)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongPasswordChangeAsync(client)).StatusCode);

        // Another account behind the same address is not held back; the details form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await WrongPasswordChangeAsync(other)).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Details", new() { ["Details.LastName"] = "DUPOND", ["Details.FirstName"] = "Anne" })).StatusCode);
        }
    }

    [Fact]
    public async Task Confirmation_links_are_limited_per_account_and_a_refused_one_writes_nothing()
    {
        var (client, identifiant, _) = await SignedInAsync(factory);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await EmailChangeAsync(client, NewEmail())).StatusCode);
        }
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "ResendConfirmation", new())).StatusCode);
        }
        var outbox = await OutboxCountAsync();
        var sixth = NewEmail();

        var refused = await EmailChangeAsync(client, sixth);
        var resend = await PostAsync(client, "ResendConfirmation", new());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(TooManyLinks, await ErrorAsync(refused, "NewEmail.Email"));
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        Assert.Contains(TooManyLinks, (await PageClient.ParseAsync(resend)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(outbox, await OutboxCountAsync());
        Assert.Empty(await MailToAsync(factory, sixth));
        Assert.Equal(0, (await FindAsync(factory, identifiant))!.AccessFailedCount);
    }

    private async Task<int> OutboxCountAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages.CountAsync();
    }

    [Fact]
    public async Task Deleting_the_account_deletes_its_own_mail_only_and_keeps_the_town_halls_mail_to_the_same_address()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var townHall = await EmailTestKit.EnqueueAsync(factory, EmailTestKit.Sample("Fermeture exceptionnelle", tenant.FamilyEmail, "La cantine est fermée lundi.") with
        {
            MunicipalityId = tenant.MunicipalityId,
            MunicipalityName = tenant.Name,
        });
        // Someone registers with the family's address, which they never confirm, then deletes the account.
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, tenant.FamilyEmail);
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, identifiant, Password)).StatusCode);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            await db.OutboxMessages.Where(m => m.ToAddress == tenant.FamilyEmail)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAtUtc, factory.Clock.GetUtcNow().UtcDateTime));
        }
        Assert.Contains(await MailToAsync(factory, tenant.FamilyEmail), m => m.Subject == "Votre compte Portail Famille");

        var deleted = await PostAsync(client, "Delete", new() { ["DeletePassword"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync(factory, identifiant));
        var left = await MailToAsync(factory, tenant.FamilyEmail);
        Assert.Contains(left, m => m.MessageId == townHall.MessageId);
        Assert.DoesNotContain(left, m => m.Subject == "Votre compte Portail Famille");
    }

    [Fact]
    public async Task The_basket_summary_says_the_confirmation_waits_for_the_address_and_offers_a_new_link()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var (login, email) = await BillingKit.LinkAccountAsync(factory, tenant.MunicipalityId, tenant.FamilyId, confirmed: false);
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, login, BillingKit.ParentPassword)).StatusCode);
        var grid = $"/reservations?enfant={tenant.ChildId}&semaine=2026-11-23";
        await client.SubmitAsync(await client.GetPageAsync(grid), grid, new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:2026-11-26" }, "handler=Cell");
        var validated = await client.SubmitAsync(await client.GetPageAsync(grid), grid, new Dictionary<string, string?>(), formAction: "handler=Validate");
        var summaryUrl = validated.Headers.Location!.OriginalString;

        var summary = await client.GetPageAsync(summaryUrl);

        var text = BillingKit.TextOf(summary);
        Assert.DoesNotContain("Un email de confirmation vous est envoyé", text, StringComparison.Ordinal);
        Assert.Contains($"Votre adresse {email} n'est pas encore confirmée : l'email de confirmation partira dès que vous l'aurez confirmée.", text, StringComparison.Ordinal);
        var held = Assert.Single(await MailToAsync(factory, email), m => m.Subject.StartsWith("Confirmation de vos réservations", StringComparison.Ordinal));
        Assert.NotNull(held.HeldForAccountId);
        Assert.Contains("Renvoyer le lien de confirmation", summary.QuerySelector("form[action='/mon-compte/ResendConfirmation'] button")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await client.GetPageAsync("/mon-compte")).QuerySelector("form[action='/mon-compte/ResendConfirmation'] button"));

        var resent = await client.SubmitAsync(summary, summaryUrl, new Dictionary<string, string?>(), "/mon-compte/ResendConfirmation");

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(summaryUrl, resent.Headers.Location!.OriginalString);
        Assert.Contains($"Un nouveau lien de confirmation a été envoyé à {email}.", BillingKit.TextOf(await client.GetPageAsync(summaryUrl)), StringComparison.Ordinal);
        var link = Assert.Single(await MailToAsync(factory, email), m => m.Subject == "Confirmez votre adresse email");
        Assert.Null(link.HeldForAccountId);
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.For(factory).Http.GetAsync(LinkTo(link, "/confirmer-email"))).StatusCode);
        Assert.Null(Assert.Single(await MailToAsync(factory, email), m => m.Id == held.Id).HeldForAccountId);
        Assert.Contains("Un email de confirmation vous est envoyé", BillingKit.TextOf(await client.GetPageAsync(summaryUrl)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmed_address_is_not_sent_a_new_link()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var (login, email) = await BillingKit.LinkAccountAsync(factory, tenant.MunicipalityId, tenant.FamilyId, confirmed: true);
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, login, BillingKit.ParentPassword)).StatusCode);
        Assert.Null((await client.GetPageAsync("/mon-compte")).QuerySelector("form[action='/mon-compte/ResendConfirmation']"));
        var token = (await client.GetPageAsync("/mon-compte")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.Http.PostAsync("/mon-compte/ResendConfirmation", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Votre adresse email est déjà confirmée.", (await PageClient.ParseAsync(response)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MailToAsync(factory, email));
    }
}
