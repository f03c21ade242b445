using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Staff;

/// <summary>« Équipe »: administrators suspend, reactivate, change the role of and remove the staff of their collectivité.</summary>
public class StaffManagementTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/equipe";
    private const string LastAdministrator = "Impossible : la collectivité doit garder au moins un administrateur actif. Nommez d'abord un autre administrateur.";
    private const string SuspendedAtSignIn = "Votre compte est suspendu : adressez-vous à un administrateur de votre collectivité.";

    private async Task<(TenantBuilder.Tenant Tenant, StaffJourney.StaffAccount Admin, PageClient Client)> AdministratorAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        return (tenant, admin, await StaffJourney.SignInAsync(factory, admin));
    }

    /// <summary>Posts one of the row buttons of « Équipe » with the page's anti-forgery token.</summary>
    internal static async Task<HttpResponseMessage> ActAsync(PageClient client, string pageUrl, string handler, string accountId, string? newRole = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (newRole is not null)
        {
            form["newRole"] = newRole;
        }
        return await client.Http.PostAsync($"{pageUrl}?handler={handler}&accountId={Uri.EscapeDataString(accountId)}", new FormUrlEncodedContent(form));
    }

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, UserManager<PortalAccount>, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db, scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>());
    }

    private Task<List<JournalEntry>> JournalOfAsync(int municipalityId, string accountId) =>
        ReadAsync((db, _) => db.JournalEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(j => j.MunicipalityId == municipalityId && j.EntityType == nameof(PortalAccount) && j.EntityKey == accountId)
            .OrderBy(j => j.Id).ToListAsync());

    private Task<bool> IsInRoleAsync(string accountId, string role) =>
        ReadAsync(async (_, users) => await users.FindByIdAsync(accountId) is { } account && await users.IsInRoleAsync(account, role));

    private static async Task<HttpResponseMessage> PasswordStepAsync(StaffJourney.StaffAccount staff, PortalFactory factory) =>
        await PageClient.For(factory).PostFormAsync("/connexion", new Dictionary<string, string?> { ["Identifiant"] = staff.Login, ["Password"] = StaffJourney.Password });

    private static string RefusalOf(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".notice-error")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task A_suspended_agent_is_signed_out_at_once_cannot_sign_in_and_signs_in_again_once_reactivated()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var agentAccount = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var agent = await StaffJourney.SignInAsync(factory, agentAccount);
        var secondSession = await StaffJourney.SignInAsync(factory, agentAccount);
        Assert.Contains("Suspendre", (await admin.GetPageAsync(Url)).Body!.TextContent, StringComparison.Ordinal);

        var suspended = await ActAsync(admin, Url, "Suspend", agentAccount.Id);

        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        var list = await admin.GetPageAsync(Url);
        Assert.Contains($"Le compte de {agentAccount.Login} est suspendu", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Suspendu", list.QuerySelector($"[data-testid='membre-{agentAccount.Login}']")!.TextContent, StringComparison.Ordinal);
        // Every session ends at once, not at the next sign-in.
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secondSession.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(0, await ReadAsync((db, _) => db.AccountSessions.CountAsync(s => s.AccountId == agentAccount.Id)));
        // The right password and code no longer open a session.
        var refused = await PasswordStepAsync(agentAccount, factory);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(SuspendedAtSignIn, (await PageClient.ParseAsync(refused)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        var mail = (await MailToAsync(factory, $"{agentAccount.Login}@mairie.exemple.test")).Single(m => m.Subject.StartsWith("Votre accès au Portail Famille est suspendu", StringComparison.Ordinal));
        Assert.Contains(tenant.Name, mail.Subject, StringComparison.Ordinal);

        var reactivated = await ActAsync(admin, Url, "Reactivate", agentAccount.Id);

        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await StaffJourney.SignInAsync(factory, agentAccount)).Http.GetAsync("/admin")).StatusCode);
        Assert.Single(await MailToAsync(factory, $"{agentAccount.Login}@mairie.exemple.test"), m => m.Subject.StartsWith("Votre accès au Portail Famille est rétabli", StringComparison.Ordinal));
        var journal = await JournalOfAsync(tenant.MunicipalityId, agentAccount.Id);
        Assert.Equal(2, journal.Count(e => JournalValues.Parse(e.Changes).Any(c => c.Field == "SuspendedAtUtc")));
        Assert.All(journal, e => Assert.Equal($"Compte du personnel {agentAccount.Login} modifié", e.Summary));
    }

    [Fact]
    public async Task A_suspended_staff_member_who_was_half_way_through_the_sign_in_cannot_finish_it()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var agentAccount = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, agentAccount);
        var client = PageClient.For(factory);
        var password = await client.PostFormAsync("/connexion", new Dictionary<string, string?> { ["Identifiant"] = agentAccount.Login, ["Password"] = StaffJourney.Password });
        Assert.Equal("/connexion/code", password.Headers.Location!.OriginalString.Split('?')[0]);
        var codePage = await client.GetPageAsync("/connexion/code");

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, Url, "Suspend", agentAccount.Id)).StatusCode);
        var code = await client.SubmitAsync(codePage, "/connexion/code", new Dictionary<string, string?> { ["Code"] = Totp.FreshCode(StaffJourney.Keys[agentAccount.Id]) });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.StartsWith("/connexion", code.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("/connexion/", code.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync((db, _) => db.AccountSessions.CountAsync(s => s.AccountId == agentAccount.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_invitation_link_of_a_suspended_agent_does_not_work()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var unique = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, new Dictionary<string, string?>
        {
            ["Invite.LastName"] = "Bernard",
            ["Invite.FirstName"] = "Paul",
            ["Invite.Email"] = $"paul-{unique}@mairie.exemple.test",
            ["Invite.Identifiant"] = $"pbernard-{unique}",
            ["Role"] = Roles.Agent,
        }, formAction: "handler=Invite")).StatusCode);
        var invited = (await FindAsync(factory, $"pbernard-{unique}"))!;
        var link = LinkTo((await MailToAsync(factory, $"paul-{unique}@mairie.exemple.test")).Single(), "/invitation");

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, Url, "Suspend", invited.Id)).StatusCode);
        var client = PageClient.For(factory);
        var page = await client.GetPageAsync(link);
        Assert.Null(page.QuerySelector("input[name=NewPassword]"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var post = await client.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["NewPassword"] = StaffJourney.Password,
            ["ConfirmPassword"] = StaffJourney.Password,
        }));

        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Null((await FindAsync(factory, $"pbernard-{unique}"))!.PasswordHash);

        // Reactivated within the three days, the same link works again.
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, Url, "Reactivate", invited.Id)).StatusCode);
        var set = await PageClient.For(factory).PostFormAsync(link, new Dictionary<string, string?> { ["NewPassword"] = StaffJourney.Password, ["ConfirmPassword"] = StaffJourney.Password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
    }

    [Fact]
    public async Task A_role_changes_both_ways_applies_at_once_and_is_journalled_and_emailed()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var colleagueAccount = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var colleague = await StaffJourney.SignInAsync(factory, colleagueAccount);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.Http.GetAsync(Url)).StatusCode);

        var promoted = await ActAsync(admin, Url, "ChangeRole", colleagueAccount.Id, Roles.Administrator);

        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.True(await IsInRoleAsync(colleagueAccount.Id, Roles.Administrator));
        Assert.False(await IsInRoleAsync(colleagueAccount.Id, Roles.Agent));
        // The old session carried the old role: it is ended, the next sign-in carries the new one.
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.Http.GetAsync("/admin")).StatusCode);
        colleague = await StaffJourney.SignInAsync(factory, colleagueAccount);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Http.GetAsync(Url)).StatusCode);

        var demoted = await ActAsync(admin, Url, "ChangeRole", colleagueAccount.Id, Roles.Agent);

        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        Assert.True(await IsInRoleAsync(colleagueAccount.Id, Roles.Agent));
        Assert.False(await IsInRoleAsync(colleagueAccount.Id, Roles.Administrator));
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.Http.GetAsync(Url)).StatusCode);
        var roles = (await JournalOfAsync(tenant.MunicipalityId, colleagueAccount.Id))
            .SelectMany(e => JournalValues.Parse(e.Changes)).Where(c => c.Field == "Role").ToList();
        Assert.Equal([new JournalChange("Role", "Agent", "Administrateur"), new JournalChange("Role", "Administrateur", "Agent")], roles);
        var mails = (await MailToAsync(factory, $"{colleagueAccount.Login}@mairie.exemple.test")).Where(m => m.Subject.StartsWith("Votre rôle au Portail Famille a changé", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Contains("« Administrateur »", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("« Agent »", mails[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_removes_an_account_from_the_collectivite()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var agentAccount = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var agent = await StaffJourney.SignInAsync(factory, agentAccount);

        var removed = await ActAsync(admin, Url, "Remove", agentAccount.Id);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await FindAsync(factory, agentAccount.Login));
        Assert.DoesNotContain(agentAccount.Login, (await admin.GetPageAsync(Url)).QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PasswordStepAsync(agentAccount, factory)).StatusCode);
        var entry = Assert.Single(await JournalOfAsync(tenant.MunicipalityId, agentAccount.Id), e => e.Action == JournalAction.Deleted);
        Assert.Equal($"Compte du personnel {agentAccount.Login} supprimé", entry.Summary);
        Assert.Single(await MailToAsync(factory, $"{agentAccount.Login}@mairie.exemple.test"), m => m.Subject.StartsWith("Votre compte Portail Famille est supprimé", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Suspend", null)]
    [InlineData("ChangeRole", Roles.Agent)]
    [InlineData("Remove", null)]
    public async Task The_last_active_administrator_cannot_be_suspended_demoted_nor_removed_and_nothing_is_written(string handler, string? newRole)
    {
        var (tenant, adminAccount, admin) = await AdministratorAsync();
        // Another administrator who is suspended does not count.
        var suspendedColleague = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, Url, "Suspend", suspendedColleague.Id)).StatusCode);
        var journal = (await JournalOfAsync(tenant.MunicipalityId, adminAccount.Id)).Count;
        var mails = (await MailToAsync(factory, $"{adminAccount.Login}@mairie.exemple.test")).Count;
        var sessions = await ReadAsync((db, _) => db.AccountSessions.CountAsync(s => s.AccountId == adminAccount.Id));

        var response = await ActAsync(admin, Url, handler, adminAccount.Id, newRole);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LastAdministrator, RefusalOf(await PageClient.ParseAsync(response)));
        Assert.True(await IsInRoleAsync(adminAccount.Id, Roles.Administrator));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(Url)).StatusCode);
        Assert.Equal(journal, (await JournalOfAsync(tenant.MunicipalityId, adminAccount.Id)).Count);
        Assert.Equal(mails, (await MailToAsync(factory, $"{adminAccount.Login}@mairie.exemple.test")).Count);
        Assert.Equal(sessions, await ReadAsync((db, _) => db.AccountSessions.CountAsync(s => s.AccountId == adminAccount.Id)));
    }

    [Fact]
    public async Task Two_administrators_demoting_each_other_at_the_same_moment_leave_one_administrator()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var first = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var second = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var firstClient = await StaffJourney.SignInAsync(factory, first);
        var secondClient = await StaffJourney.SignInAsync(factory, second);
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
        var other = await TenantBuilder.CreateAsync(factory);
        var stranger = await StaffJourney.CreateAsync(factory, other.MunicipalityId, Roles.Agent);

        foreach (var (handler, role) in new[] { ("Suspend", (string?)null), ("ChangeRole", Roles.Administrator), ("Remove", null), ("Reactivate", null) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(admin, Url, handler, stranger.Id, role)).StatusCode);
        }

        Assert.NotNull(await FindAsync(factory, stranger.Login));
        Assert.True(await IsInRoleAsync(stranger.Id, Roles.Agent));
        Assert.False(await IsInRoleAsync(stranger.Id, Roles.Administrator));
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(stranger, factory)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_role_is_refused_in_French_and_nothing_is_written()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var agentAccount = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);

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
        var tenant = await TenantBuilder.CreateAsync(factory);
        var adminAccount = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
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
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(adminAccount, factory)).StatusCode);
    }
}
