using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// Someone using the portal: anonymous, a parent, an administrator of a collectivité, the operator. Ids name
/// the visitor's own records by the route parameter names of the pages (« id », « childId », …).
/// </summary>
public sealed class Visitor(string name, IReadOnlyDictionary<string, string> ids, Func<Task<PageClient>> signIn)
{
    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Ids { get; } = ids;

    public PageClient Client { get; private set; } = null!;

    public bool IsAnonymous => Name == "anonyme";

    public async Task<Visitor> SignInAsync()
    {
        Client = await signIn();
        return this;
    }

    /// <summary>Whether a page that needs a session still opens (a form may have ended the session).</summary>
    public async Task<bool> IsStillSignedInAsync()
    {
        if (IsAnonymous)
        {
            return true;
        }
        var response = await Client.Http.GetAsync("/mon-compte");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public override string ToString() => Name;
}

/// <summary>Two collectivités with their people: « mine » is visited, « other » only lends its ids.</summary>
public sealed record Cast(TenantBuilder.Tenant Mine, TenantBuilder.Tenant Other, IReadOnlyList<Visitor> Visitors, IReadOnlyList<int> OtherIds)
{
    public const string ParentPassword = "Phrase de passe du parent 2026";

    /// <param name="tenant">The visited collectivité, already built (with the values the test wants in it).</param>
    public static async Task<Cast> CreateAsync(PortalFactory factory, TenantBuilder.Tenant? tenant = null)
    {
        var mine = tenant ?? await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory, childFirstName: "Autre");
        var parentLogin = await SetPasswordAsync(factory, mine.LinkedAccountId!);
        var admin = await StaffJourney.CreateAsync(factory, mine.MunicipalityId, Roles.Administrator);
        var colleague = await StaffJourney.CreateAsync(factory, mine.MunicipalityId, Roles.Agent);
        var operatorAccount = await StaffJourney.CreateAsync(factory, null, Roles.Operator);
        var (membershipId, otherMembershipId) = await MembershipIdsAsync(factory, mine, other);

        var ids = new Dictionary<string, string>
        {
            ["id"] = Text(mine.FamilyId),
            ["familyid"] = Text(mine.FamilyId),
            ["childid"] = Text(mine.ChildId),
            ["siteid"] = Text(mine.SiteId),
            ["activityid"] = Text(mine.ActivityId),
            ["membershipid"] = Text(membershipId),
            ["accountid"] = colleague.Id,
        };
        var visitors = new List<Visitor>
        {
            new("anonyme", new Dictionary<string, string>(), () => Task.FromResult(PageClient.For(factory))),
            new("parent", ids, () => SignInParentAsync(factory, parentLogin)),
            new("opérateur", new Dictionary<string, string>(), () => StaffJourney.SignInAsync(factory, operatorAccount)),
            new("administrateur", ids, () => StaffJourney.SignInAsync(factory, admin)),
        };
        foreach (var visitor in visitors)
        {
            await visitor.SignInAsync();
        }
        var otherIds = new[] { other.ActivityId, other.FamilyId, other.ChildId, other.SiteId, other.MunicipalityId, otherMembershipId };
        return new Cast(mine, other, visitors, otherIds);
    }

    public Visitor this[string name] => Visitors.Single(v => v.Name == name);

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> SetPasswordAsync(PortalFactory factory, string accountId)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = await users.FindByIdAsync(accountId) ?? throw new InvalidOperationException("parent account missing");
        Assert.True((await users.AddPasswordAsync(account, ParentPassword)).Succeeded);
        return account.UserName!;
    }

    private static async Task<(int Mine, int Other)> MembershipIdsAsync(PortalFactory factory, TenantBuilder.Tenant mine, TenantBuilder.Tenant other)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var memberships = db.Memberships.IgnoreQueryFilters();
        return (await memberships.Where(m => m.FamilyId == mine.FamilyId).Select(m => m.Id).FirstAsync(),
            await memberships.Where(m => m.FamilyId == other.FamilyId).Select(m => m.Id).FirstAsync());
    }

    public static async Task<PageClient> SignInParentAsync(PortalFactory factory, string login)
    {
        var client = PageClient.For(factory);
        var response = await client.PostFormAsync("/connexion", new Dictionary<string, string?> { ["Identifiant"] = login, ["Password"] = ParentPassword });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"parent sign-in answered {(int)response.StatusCode}");
        return client;
    }
}
