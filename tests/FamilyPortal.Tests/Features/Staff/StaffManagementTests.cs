using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Staff;

/// <summary>« Équipe »: administrators suspend, reactivate, change the role of and remove the staff of their collectivité.</summary>
public sealed class StaffManagementTests(AccountsFactory fixture) : StaffManagementTestsBase(fixture), IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task A_suspended_agent_is_signed_out_at_once_cannot_sign_in_and_signs_in_again_once_reactivated()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var agentAccount = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent);
        var agent = await StaffJourney.SignInAsync(Factory, agentAccount);
        var secondSession = await StaffJourney.SignInAsync(Factory, agentAccount);
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
        var refused = await PasswordStepAsync(agentAccount, Factory);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(SuspendedAtSignIn, (await PageClient.ParseAsync(refused)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        var mail = (await MailToAsync(Factory, $"{agentAccount.Login}@mairie.exemple.test")).Single(m => m.Subject.StartsWith("Votre accès au Portail Famille est suspendu", StringComparison.Ordinal));
        Assert.Contains(tenant.Name, mail.Subject, StringComparison.Ordinal);

        var reactivated = await ActAsync(admin, Url, "Reactivate", agentAccount.Id);

        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await StaffJourney.SignInAsync(Factory, agentAccount)).Http.GetAsync("/admin")).StatusCode);
        Assert.Single(await MailToAsync(Factory, $"{agentAccount.Login}@mairie.exemple.test"), m => m.Subject.StartsWith("Votre accès au Portail Famille est rétabli", StringComparison.Ordinal));
        var journal = await JournalOfAsync(tenant.MunicipalityId, agentAccount.Id);
        Assert.Equal(2, journal.Count(e => JournalValues.Parse(e.Changes).Any(c => c.Field == "SuspendedAtUtc")));
        Assert.All(journal, e => Assert.Equal($"Compte du personnel {agentAccount.Login} modifié", e.Summary));
    }

    [Fact]
    public async Task A_suspended_staff_member_who_was_half_way_through_the_sign_in_cannot_finish_it()
    {
        var (tenant, _, admin) = await AdministratorAsync();
        var agentAccount = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(Factory, agentAccount);
        var client = PageClient.For(Factory);
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
        var invited = (await FindAsync(Factory, $"pbernard-{unique}"))!;
        var link = LinkTo((await MailToAsync(Factory, $"paul-{unique}@mairie.exemple.test")).Single(), "/invitation");

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, Url, "Suspend", invited.Id)).StatusCode);
        var client = PageClient.For(Factory);
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
        Assert.Null((await FindAsync(Factory, $"pbernard-{unique}"))!.PasswordHash);

        // Reactivated within the three days, the same link works again.
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, Url, "Reactivate", invited.Id)).StatusCode);
        var set = await PageClient.For(Factory).PostFormAsync(link, new Dictionary<string, string?> { ["NewPassword"] = StaffJourney.Password, ["ConfirmPassword"] = StaffJourney.Password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
    }
}
