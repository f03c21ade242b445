using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

public class MyAccountTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private async Task<(PageClient Client, string Identifiant, string Email)> SignedInAsync()
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        await CreateAccountAsync(factory, identifiant, email);
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, identifiant, Password)).StatusCode);
        return (client, identifiant, email);
    }

    [Fact]
    public async Task Details_are_edited_and_phone_numbers_normalised()
    {
        var (client, identifiant, _) = await SignedInAsync();
        var response = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?>
        {
            ["Details.LastName"] = "DUPOND-MARTIN",
            ["Details.FirstName"] = "Anne",
            ["Details.PrimaryPhone"] = "07.98.76.54.32",
            ["Details.SecondaryEmail"] = "Second@Exemple.test",
        }, formAction: "/mon-compte/Details");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var account = await FindAsync(factory, identifiant);
        Assert.Equal("DUPOND-MARTIN", account!.LastName);
        Assert.Equal("0798765432", account.PhoneNumber);
        Assert.Equal("second@exemple.test", account.SecondaryEmail);

        var bad = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["Details.LastName"] = "" }, formAction: "/mon-compte/Details");
        Assert.Equal("Le champ « Nom » est obligatoire.", PageClient.ErrorOf(await PageClient.ParseAsync(bad), "Details.LastName"));
        Assert.Equal("DUPOND-MARTIN", (await FindAsync(factory, identifiant))!.LastName);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_closes_other_sessions()
    {
        var (client, identifiant, _) = await SignedInAsync();
        var other = PageClient.For(factory);
        await SignInAsync(other, identifiant, Password);
        const string next = "Encore une phrase de passe neuve";

        var refused = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?>
        {
            ["Password.Current"] = "Ce n'est pas le bon",
            ["Password.New"] = next,
            ["Password.Confirm"] = next,
        }, formAction: "/mon-compte/Password");
        Assert.Equal("Le mot de passe actuel est incorrect.", PageClient.ErrorOf(await PageClient.ParseAsync(refused), "Password.Current"));

        var changed = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?>
        {
            ["Password.Current"] = Password,
            ["Password.New"] = next,
            ["Password.Confirm"] = next,
        }, formAction: "/mon-compte/Password");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/mon-compte")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.Http.GetAsync("/mon-compte")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(PageClient.For(factory), identifiant, next)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_email_is_confirmed_by_the_new_address_and_told_to_the_old_one()
    {
        var (client, identifiant, oldEmail) = await SignedInAsync();
        var newEmail = NewEmail();
        var response = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?>
        {
            ["NewEmail.Email"] = newEmail,
            ["NewEmail.Password"] = Password,
        }, formAction: "/mon-compte/Email");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(oldEmail, (await FindAsync(factory, identifiant))!.Email);

        var link = LinkTo((await MailToAsync(factory, newEmail)).Single(), "/mon-compte/confirmer-email");
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync(link)).StatusCode);

        var account = await FindAsync(factory, identifiant);
        Assert.Equal(newEmail, account!.Email);
        Assert.True(account.EmailConfirmed);
        var notice = (await MailToAsync(factory, oldEmail)).Single(m => m.Subject == "L'adresse email de votre compte a changé");
        Assert.Contains(newEmail, notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_data_downloads_as_json_without_any_secret()
    {
        var (client, identifiant, email) = await SignedInAsync();
        var response = await client.Http.GetAsync("/mon-compte/Export");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(identifiant, doc.RootElement.GetProperty("compte").GetProperty("identifiant").GetString());
        Assert.Equal(email, doc.RootElement.GetProperty("compte").GetProperty("emailPrincipal").GetString());
        Assert.DoesNotContain("AQAAAA", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Anne", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_then_removes_the_login()
    {
        var (client, identifiant, email) = await SignedInAsync();
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortal.Web.Data.FamilyPortalDbContext>();
            await db.OutboxMessages.Where(m => m.ToAddress == email).ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAtUtc, factory.Clock.GetUtcNow().UtcDateTime));
        }
        var refused = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["DeletePassword"] = "mauvais" }, formAction: "/mon-compte/Delete");
        Assert.Equal("Le mot de passe est incorrect.", PageClient.ErrorOf(await PageClient.ParseAsync(refused), "DeletePassword"));
        Assert.NotNull(await FindAsync(factory, identifiant));

        var deleted = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["DeletePassword"] = Password }, formAction: "/mon-compte/Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync(factory, identifiant));
        Assert.Empty(await MailToAsync(factory, email));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(PageClient.For(factory), identifiant, Password)).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (client, identifiant, _) = await SignedInAsync();
        var response = await client.Http.PostAsync("/mon-compte/Details", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Details.LastName"] = "PIRATE",
            ["Details.FirstName"] = "X",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("DUPOND", (await FindAsync(factory, identifiant))!.LastName);
    }
}
