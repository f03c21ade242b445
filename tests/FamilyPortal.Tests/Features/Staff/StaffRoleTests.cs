using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Staff;

/// <summary>Roles and removal of staff accounts: both ways, journalled and emailed, never the last administrator, never another collectivité's.</summary>
public sealed class StaffRoleTests(AccountsFactory fixture) : StaffManagementTestsBase(fixture), IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task A_role_changes_both_ways_applies_at_once_and_is_journalled_and_emailed()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var colleagueAccount = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent);
        var colleague = await StaffJourney.SignInAsync(Factory, colleagueAccount);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.Http.GetAsync(Url)).StatusCode);

        var promoted = await ActAsync(admin, Url, "ChangeRole", colleagueAccount.Id, Roles.Administrator);

        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.True(await IsInRoleAsync(colleagueAccount.Id, Roles.Administrator));
        Assert.False(await IsInRoleAsync(colleagueAccount.Id, Roles.Agent));
        // The old session carried the old role: it is ended, the next sign-in carries the new one.
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.Http.GetAsync("/admin")).StatusCode);
        colleague = await StaffJourney.SignInAsync(Factory, colleagueAccount);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Http.GetAsync(Url)).StatusCode);

        var demoted = await ActAsync(admin, Url, "ChangeRole", colleagueAccount.Id, Roles.Agent);

        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        Assert.True(await IsInRoleAsync(colleagueAccount.Id, Roles.Agent));
        Assert.False(await IsInRoleAsync(colleagueAccount.Id, Roles.Administrator));
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.Http.GetAsync(Url)).StatusCode);
        var roles = (await JournalOfAsync(tenant.MunicipalityId, colleagueAccount.Id))
            .SelectMany(e => JournalValues.Parse(e.Changes)).Where(c => c.Field == "Role").ToList();
        Assert.Equal([new JournalChange("Role", "Agent", "Administrateur"), new JournalChange("Role", "Administrateur", "Agent")], roles);
        var mails = (await MailToAsync(Factory, $"{colleagueAccount.Login}@mairie.exemple.test")).Where(m => m.Subject.StartsWith("Votre rôle au Portail Famille a changé", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Contains("« Administrateur »", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("« Agent »", mails[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_removes_an_account_from_the_collectivite()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var agentAccount = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent);
        var agent = await StaffJourney.SignInAsync(Factory, agentAccount);

        var removed = await ActAsync(admin, Url, "Remove", agentAccount.Id);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await FindAsync(Factory, agentAccount.Login));
        Assert.DoesNotContain(agentAccount.Login, (await admin.GetPageAsync(Url)).QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PasswordStepAsync(agentAccount, Factory)).StatusCode);
        var entry = Assert.Single(await JournalOfAsync(tenant.MunicipalityId, agentAccount.Id), e => e.Action == JournalAction.Deleted);
        Assert.Equal($"Compte du personnel {agentAccount.Login} supprimé", entry.Summary);
        Assert.Single(await MailToAsync(Factory, $"{agentAccount.Login}@mairie.exemple.test"), m => m.Subject.StartsWith("Votre compte Portail Famille est supprimé", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Suspend", null)]
    [InlineData("ChangeRole", Roles.Agent)]
    [InlineData("Remove", null)]
    public async Task The_last_active_administrator_cannot_be_suspended_demoted_nor_removed_and_nothing_is_written(string handler, string? newRole)
    {
        var (tenant, adminAccount, admin) = await AdministratorAsync();
        // Another administrator who is suspended does not count.
        var suspendedColleague = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, Url, "Suspend", suspendedColleague.Id)).StatusCode);
        var journal = (await JournalOfAsync(tenant.MunicipalityId, adminAccount.Id)).Count;
        var mails = (await MailToAsync(Factory, $"{adminAccount.Login}@mairie.exemple.test")).Count;
        var sessions = await ReadAsync((db, _) => db.AccountSessions.CountAsync(s => s.AccountId == adminAccount.Id));

        var response = await ActAsync(admin, Url, handler, adminAccount.Id, newRole);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LastAdministrator, RefusalOf(await PageClient.ParseAsync(response)));
        Assert.True(await IsInRoleAsync(adminAccount.Id, Roles.Administrator));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(Url)).StatusCode);
        Assert.Equal(journal, (await JournalOfAsync(tenant.MunicipalityId, adminAccount.Id)).Count);
        Assert.Equal(mails, (await MailToAsync(Factory, $"{adminAccount.Login}@mairie.exemple.test")).Count);
        Assert.Equal(sessions, await ReadAsync((db, _) => db.AccountSessions.CountAsync(s => s.AccountId == adminAccount.Id)));
    }

    [Fact]
    public async Task Two_administrators_demoting_each_other_at_the_same_moment_leave_one_administrator()
    {
        var tenant = await TenantBuilder.CreateAsync(Factory);
        var first = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Administrator);
        var second = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Administrator);
        var firstClient = await StaffJourney.SignInAsync(Factory, first);
        var secondClient = await StaffJourney.SignInAsync(Factory, second);
        var firstToken = (await firstClient.GetPageAsync(Url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var secondToken = (await secondClient.GetPageAsync(Url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> Demote(PageClient client, string token, string accountId) =>
            client.Http.PostAsync($"{Url}?handler=ChangeRole&accountId={accountId}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["newRole"] = Roles.Agent,
            }));

        var answers = await Task.WhenAll(Demote(firstClient, firstToken, second.Id), Demote(secondClient, secondToken, first.Id));

        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"answered {(int)a.StatusCode}"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect && a.Headers.Location!.OriginalString.StartsWith(Url, StringComparison.Ordinal));
        var administrators = new[] { await IsInRoleAsync(first.Id, Roles.Administrator), await IsInRoleAsync(second.Id, Roles.Administrator) };
        Assert.Single(administrators, isAdministrator => isAdministrator);
    }

    [Fact]
    public async Task Staff_of_another_collectivite_answer_404_and_are_untouched()
    {
        var (_, _, admin) = await AdministratorAsync();
        var other = await TenantBuilder.CreateAsync(Factory);
        var stranger = await StaffJourney.CreateAsync(Factory, other.MunicipalityId, Roles.Agent);

        foreach (var (handler, role) in new[] { ("Suspend", (string?)null), ("ChangeRole", Roles.Administrator), ("Remove", null), ("Reactivate", null) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(admin, Url, handler, stranger.Id, role)).StatusCode);
        }

        Assert.NotNull(await FindAsync(Factory, stranger.Login));
        Assert.True(await IsInRoleAsync(stranger.Id, Roles.Agent));
        Assert.False(await IsInRoleAsync(stranger.Id, Roles.Administrator));
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(stranger, Factory)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_role_is_refused_in_French_and_nothing_is_written()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var agentAccount = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent);

        var response = await ActAsync(admin, Url, "ChangeRole", agentAccount.Id, Roles.Operator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choisissez le rôle : Agent ou Administrateur.", RefusalOf(await PageClient.ParseAsync(response)));
        Assert.True(await IsInRoleAsync(agentAccount.Id, Roles.Agent));
        Assert.False(await IsInRoleAsync(agentAccount.Id, Roles.Operator));
        Assert.Empty(await JournalOfAsync(tenant.MunicipalityId, agentAccount.Id));
    }

    [Fact]
    public async Task Agents_cannot_suspend_change_roles_nor_remove()
    {
        var tenant = await TenantBuilder.CreateAsync(Factory);
        var adminAccount = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Administrator);
        var agent = await StaffJourney.SignInAsync(Factory, await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent));
        var token = (await agent.GetPageAsync("/admin")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var (handler, role) in new[] { ("Suspend", (string?)null), ("ChangeRole", Roles.Agent), ("Remove", null) })
        {
            var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
            if (role is not null)
            {
                form["newRole"] = role;
            }
            var response = await agent.Http.PostAsync($"{Url}?handler={handler}&accountId={adminAccount.Id}", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.True(await IsInRoleAsync(adminAccount.Id, Roles.Administrator));
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(adminAccount, Factory)).StatusCode);
    }
}
