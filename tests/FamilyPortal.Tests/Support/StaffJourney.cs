using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Support;

/// <summary>Staff accounts of a collectivité and their sign-in with the authenticator code.</summary>
public static class StaffJourney
{
    public const string Password = "Mot de passe agent très solide 2026";

    public sealed record StaffAccount(string Id, string Login);

    /// <param name="municipalityId">The collectivité, or null for the platform operator.</param>
    public static async Task<StaffAccount> CreateAsync(PortalFactory factory, int? municipalityId, string role)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var login = $"agent-{Guid.NewGuid():N}"[..20];
        var account = new PortalAccount
        {
            UserName = login,
            Email = $"{login}@mairie.exemple.test",
            EmailConfirmed = true,
            StaffMunicipalityId = municipalityId,
            FirstName = "Claire",
            LastName = "AGENT",
        };
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        return new StaffAccount(account.Id, login);
    }

    /// <summary>The key as the enrolment page shows it.</summary>
    public static string KeyOf(AngleSharp.Html.Dom.IHtmlDocument enrolPage)
    {
        var key = enrolPage.QuerySelector("[data-testid=cle-authentificateur]")!.TextContent.Trim();
        TestSecrets.Add(key, "authenticator key");
        TestSecrets.Add(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), "authenticator key");
        return key;
    }

    /// <summary>Password, then enrolment (first time) or code: a client signed in with the second factor.</summary>
    public static async Task<PageClient> SignInAsync(PortalFactory factory, StaffAccount staff)
    {
        var client = PageClient.For(factory);
        var password = await client.PostFormAsync("/connexion", new Dictionary<string, string?> { ["Identifiant"] = staff.Login, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var step = password.Headers.Location!.OriginalString;
        string key;
        if (step.StartsWith("/connexion/authentificateur", StringComparison.Ordinal))
        {
            var enrol = await client.GetPageAsync(step);
            key = KeyOf(enrol);
            Keys[staff.Id] = key;
        }
        else
        {
            key = Keys[staff.Id];
        }
        var done = await client.PostFormAsync(step, new Dictionary<string, string?> { ["Code"] = Totp.FreshCode(key) });
        Assert.True(done.StatusCode == HttpStatusCode.Redirect, $"code refused: {(int)done.StatusCode}");
        return client;
    }

    /// <summary>The authenticator keys the tests enrolled, as the staff member's phone would keep them.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new();
}
