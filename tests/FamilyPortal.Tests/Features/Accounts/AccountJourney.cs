using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>Steps shared by the account tests: create an account through the form, read the outbox, sign in.</summary>
public static class AccountJourney
{
    public const string Password = "Une phrase de passe solide 2026";

    public static Dictionary<string, string?> Registration(string identifiant, string email, string household = "DUPOND") => new()
    {
        ["Input.HouseholdName"] = household,
        ["Input.Identifiant"] = identifiant,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
        ["Input.SecretQuestion"] = "Nom de votre premier animal de compagnie",
        ["Input.SecretAnswer"] = "Anne",
        ["Input.Civility"] = "Mme",
        ["Input.LastName"] = "DUPOND",
        ["Input.FirstName"] = "TEST",
        ["Input.Notification"] = "E-mail",
        ["Input.PrimaryPhone"] = "+33 6 12.34.56.78",
        ["Input.Email"] = email,
    };

    public static string NewIdentifiant() => "parent-" + Guid.NewGuid().ToString("N")[..10];

    public static string NewEmail() => $"parent-{Guid.NewGuid():N}@exemple.test";

    public static async Task<HttpResponseMessage> RegisterAsync(PageClient client, Dictionary<string, string?> form) =>
        await client.PostFormAsync("/creer-un-compte", form);

    public static async Task<PortalAccount> CreateAccountAsync(PortalFactory factory, string identifiant, string email)
    {
        var response = await RegisterAsync(PageClient.For(factory), Registration(identifiant, email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await FindAsync(factory, identifiant) ?? throw new InvalidOperationException("account not created");
    }

    public static async Task<PortalAccount?> FindAsync(PortalFactory factory, string identifiant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var normalized = identifiant.ToUpperInvariant();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized);
    }

    public static async Task<List<OutboxMessage>> MailToAsync(PortalFactory factory, string address)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == address).OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<int> AccountCountAsync(PortalFactory factory)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Users.CountAsync();
    }

    /// <summary>The first http(s) link of a mail's text body that points to the given path.</summary>
    public static string LinkTo(OutboxMessage mail, string path)
    {
        var start = mail.TextBody.IndexOf("https://portail.exemple.test" + path, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no link to {path} in: {mail.TextBody}");
        var end = mail.TextBody.IndexOfAny([' ', '\n', '\r'], start);
        var url = mail.TextBody[start..(end < 0 ? mail.TextBody.Length : end)];
        return url["https://portail.exemple.test".Length..];
    }

    public static async Task<HttpResponseMessage> SignInAsync(PageClient client, string identifiant, string password) =>
        await client.PostFormAsync("/connexion", new Dictionary<string, string?>
        {
            ["Identifiant"] = identifiant,
            ["Password"] = password,
        });
}
