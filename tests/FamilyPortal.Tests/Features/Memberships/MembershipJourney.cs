using System.Net;
using AngleSharp.Html.Dom;
using FamilyPortal.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Memberships;

/// <summary>Steps shared by the adhésion tests: a signed-in parent, the code form, what the database holds.</summary>
public static class MembershipJourney
{
    private static readonly string[] AllTenants = [FamilyPortalDbContext.TenantFilter];

    public sealed record Parent(PageClient Client, string Identifiant, string Email, string AccountId);

    /// <summary>A parent account made through the registration form, signed in; from an address when one is given.</summary>
    public static async Task<Parent> SignedInParentAsync(PortalFactory factory, string? clientAddress = null)
    {
        var identifiant = AccountJourney.NewIdentifiant();
        var email = AccountJourney.NewEmail();
        var account = await AccountJourney.CreateAccountAsync(factory, identifiant, email);
        var client = clientAddress is null ? PageClient.For(factory) : TestClientAddress.From(factory, clientAddress);
        var signIn = await AccountJourney.SignInAsync(client, identifiant, AccountJourney.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return new Parent(client, identifiant, email, account.Id);
    }

    /// <summary>Posts the « Adhésion aux collectivités » form with the code as typed.</summary>
    public static Task<HttpResponseMessage> EnterCodeAsync(PageClient client, string? code) =>
        client.PostFormAsync("/adhesions", new Dictionary<string, string?> { ["Code"] = code }, formAction: "/adhesions");

    /// <summary>Enters the code and expects success: the redirect, then the « Information » box.</summary>
    public static async Task<IHtmlDocument> JoinAsync(PageClient client, string code)
    {
        var response = await EnterCodeAsync(client, code);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"joining answered {(int)response.StatusCode}: {ErrorOf(await PageClient.ParseAsync(response))}");
        Assert.Equal("/adhesions", response.Headers.Location!.OriginalString);
        return await client.GetPageAsync("/adhesions");
    }

    public static string ErrorOf(IHtmlDocument page) => PageClient.ErrorOf(page, "Code");

    public static async Task<int> MembershipCountAsync(PortalFactory factory)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Memberships.IgnoreQueryFilters(AllTenants).CountAsync();
    }

    public static async Task<List<int>> FamiliesOfAsync(PortalFactory factory, string accountId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Memberships.IgnoreQueryFilters(AllTenants).Where(m => m.AccountId == accountId).Select(m => m.FamilyId).ToListAsync();
    }

    public static async Task<int> AccountsOfFamilyAsync(PortalFactory factory, int familyId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Memberships.IgnoreQueryFilters(AllTenants).CountAsync(m => m.FamilyId == familyId);
    }

    /// <summary>Runs a change directly on the database, across collectivités (what staff screens will do later).</summary>
    public static async Task ChangeAsync(PortalFactory factory, Func<FamilyPortalDbContext, Task> change)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        await change(db);
        await db.SaveChangesAsync();
    }

    public static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;
}
