using System.Globalization;
using System.Net;
using FamilyPortal.Tests.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Platform;

/// <summary>The operator cuts off, restores, demotes or removes the administrators of a collectivité.</summary>
public class PlatformStaffTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static string UrlOf(int municipalityId) => "/plateforme/collectivites/" + municipalityId.ToString(CultureInfo.InvariantCulture);

    private async Task<(TenantBuilder.Tenant Tenant, StaffJourney.StaffAccount Operator, PageClient Client)> OperatorAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var op = await StaffJourney.CreateAsync(factory, null, Roles.Operator);
        return (tenant, op, await StaffJourney.SignInAsync(factory, op));
    }

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, UserManager<PortalAccount>, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db, scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>());
    }

    private Task<bool> IsInRoleAsync(string accountId, string role) =>
        ReadAsync(async (_, users) => await users.FindByIdAsync(accountId) is { } account && await users.IsInRoleAsync(account, role));

    [Fact]
    public async Task The_operator_suspends_reactivates_demotes_and_removes_administrators_journalled_in_the_collectivite()
    {
        var (tenant, op, client) = await OperatorAsync();
        var first = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var second = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var third = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var firstSession = await StaffJourney.SignInAsync(factory, first);
        var url = UrlOf(tenant.MunicipalityId);
        Assert.Contains(tenant.Name, (await client.GetPageAsync("/plateforme")).Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await client.GetPageAsync("/plateforme")).QuerySelector($"a[href='{url}']"));
        var page = await client.GetPageAsync(url);
        Assert.Contains(first.Login, page.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffManagementTests.ActAsync(client, url, "Suspend", first.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await firstSession.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PageClient.For(factory).PostFormAsync("/connexion", new Dictionary<string, string?>
        {
            ["Identifiant"] = first.Login,
            ["Password"] = StaffJourney.Password,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffManagementTests.ActAsync(client, url, "Reactivate", first.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await StaffJourney.SignInAsync(factory, first)).Http.GetAsync("/admin/equipe")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffManagementTests.ActAsync(client, url, "ChangeRole", first.Id, Roles.Agent)).StatusCode);
        Assert.True(await IsInRoleAsync(first.Id, Roles.Agent));
        Assert.False(await IsInRoleAsync(first.Id, Roles.Administrator));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffManagementTests.ActAsync(client, url, "Remove", second.Id)).StatusCode);
        Assert.Null(await FindAsync(factory, second.Login));
        // The third one is now the last active administrator.
        var last = await StaffManagementTests.ActAsync(client, url, "Remove", third.Id);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.NotNull(await FindAsync(factory, third.Login));

        var journal = await ReadAsync((db, _) => db.JournalEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(j => j.MunicipalityId == tenant.MunicipalityId && j.EntityType == nameof(PortalAccount)).OrderBy(j => j.Id).ToListAsync());
        var byOperator = journal.Where(j => j.ActorAccountId == op.Id).ToList();
        Assert.True(byOperator.Count >= 4, string.Join('\n', journal.Select(j => $"{j.ActorLogin}: {j.Summary}")));
        Assert.All(byOperator, j => Assert.Equal(op.Login, j.ActorLogin));
        Assert.Contains(byOperator, j => j.EntityKey == second.Id && j.Action == JournalAction.Deleted);
        Assert.Contains(byOperator, j => j.EntityKey == first.Id && JournalValues.Parse(j.Changes).Contains(new JournalChange("Role", "Administrateur", "Agent")));
        Assert.Equal(2, byOperator.Count(j => j.EntityKey == first.Id && JournalValues.Parse(j.Changes).Any(c => c.Field == "SuspendedAtUtc")));
        var mails = await MailToAsync(factory, $"{first.Login}@mairie.exemple.test");
        Assert.Contains(mails, m => m.Subject.StartsWith("Votre accès au Portail Famille est suspendu", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject.StartsWith("Votre rôle au Portail Famille a changé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_only_administrator_cannot_be_suspended_by_the_operator_and_nothing_is_written()
    {
        var (tenant, _, client) = await OperatorAsync();
        var only = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var session = await StaffJourney.SignInAsync(factory, only);
        var url = UrlOf(tenant.MunicipalityId);

        var response = await StaffManagementTests.ActAsync(client, url, "Suspend", only.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Impossible : la collectivité doit garder au moins un administrateur actif. Nommez d'abord un autre administrateur.",
            (await PageClient.ParseAsync(response)).QuerySelector(".notice-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/admin")).StatusCode);
        Assert.Empty(await ReadAsync((db, _) => db.JournalEntries.IgnoreQueryFilters().Where(j => j.EntityKey == only.Id).ToListAsync()));
    }

    [Fact]
    public async Task The_operator_manages_administrators_only_and_never_an_agent()
    {
        var (tenant, _, client) = await OperatorAsync();
        await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var agent = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var url = UrlOf(tenant.MunicipalityId);

        Assert.DoesNotContain(agent.Login, (await client.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await StaffManagementTests.ActAsync(client, url, "Suspend", agent.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StaffManagementTests.ActAsync(client, url, "Remove", agent.Id)).StatusCode);
        Assert.NotNull(await FindAsync(factory, agent.Login));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(UrlOf(int.MaxValue))).StatusCode);
    }

    [Fact]
    public async Task Administrators_of_a_collectivite_cannot_use_the_operators_page()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync(UrlOf(tenant.MunicipalityId))).StatusCode);
    }
}
