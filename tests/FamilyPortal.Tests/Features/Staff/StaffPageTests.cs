using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Staff;

public class StaffPageTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/equipe";

    private static Dictionary<string, string?> Form(string unique, string role = Roles.Agent) => new()
    {
        ["Invite.LastName"] = "Bernard",
        ["Invite.FirstName"] = "Paul",
        ["Invite.Email"] = $"paul-{unique}@mairie.exemple.test",
        ["Invite.Identifiant"] = $"pbernard-{unique}",
        ["Role"] = role,
    };

    [Fact]
    public async Task An_administrator_invites_an_agent_of_their_own_collectivite()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var unique = Guid.NewGuid().ToString("N")[..8];

        var response = await admin.PostFormAsync(Url, Form(unique), formAction: "handler=Invite");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetPageAsync(Url);
        Assert.Contains($"pbernard-{unique}", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invitation en attente", page.Body!.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var agent = (await users.FindByNameAsync($"pbernard-{unique}"))!;
        Assert.Equal(tenant.MunicipalityId, agent.StaffMunicipalityId);
        Assert.True(await users.IsInRoleAsync(agent, Roles.Agent));
        Assert.False(await users.IsInRoleAsync(agent, Roles.Administrator));
        var mail = Assert.Single(await MailToAsync(factory, $"paul-{unique}@mairie.exemple.test"));
        Assert.Contains(tenant.Name, mail.Subject, StringComparison.Ordinal);
        LinkTo(mail, "/invitation");
    }

    [Fact]
    public async Task The_list_shows_only_the_staff_of_the_collectivite()
    {
        var mine = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var stranger = await StaffJourney.CreateAsync(factory, other.MunicipalityId, Roles.Agent);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, mine.MunicipalityId, Roles.Administrator));

        var page = await admin.GetPageAsync(Url);

        Assert.DoesNotContain(stranger.Login, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_get_403_on_the_staff_page_and_cannot_invite()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var dashboard = await agent.GetPageAsync("/admin");
        var accounts = await AccountCountAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(Url)).StatusCode);
        // A forged form from the dashboard's token: still refused.
        var token = dashboard.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var values = Form(Guid.NewGuid().ToString("N")[..8]);
        values["__RequestVerificationToken"] = token;
        var post = await agent.Http.PostAsync(Url + "?handler=Invite", new FormUrlEncodedContent(values!));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(accounts, await AccountCountAsync(factory));
        Assert.Null(dashboard.QuerySelector($"a[href='{Url}']"));
    }

    [Theory]
    [InlineData("Role", "Operateur", "Choisissez le rôle : Agent ou Administrateur.")]
    [InlineData("Invite.Email", "paul@", "Saisissez une adresse email valide, par exemple prenom.nom@mairie.fr.")]
    [InlineData("Invite.FirstName", "", "Le prénom est obligatoire (100 caractères au plus).")]
    [InlineData("Invite.Identifiant", "", "L'identifiant est obligatoire.")]
    public async Task Errors_are_shown_next_to_the_fields_and_nothing_is_written(string field, string value, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var accounts = await AccountCountAsync(factory);
        var form = Form(Guid.NewGuid().ToString("N")[..8]);
        form[field] = value;

        var response = await admin.PostFormAsync(Url, form, formAction: "handler=Invite");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal(accounts, await AccountCountAsync(factory));
        await using var scope = factory.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages
            .AnyAsync(m => m.ToAddress == form["Invite.Email"]));
    }

    [Fact]
    public async Task An_administrator_resets_the_second_factor_of_an_agent_who_then_enrols_again()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var agentAccount = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var agent = await StaffJourney.SignInAsync(factory, agentAccount);
        var page = await admin.GetPageAsync(Url);

        var reset = await admin.SubmitAsync(page, Url, new Dictionary<string, string?>(), formAction: "accountId=" + agentAccount.Id);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        // The agent's open session is ended, and the next sign-in asks for a new enrolment.
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Http.GetAsync("/admin")).StatusCode);
        var again = await PageClient.For(factory).PostFormAsync("/connexion", new Dictionary<string, string?>
        {
            ["Identifiant"] = agentAccount.Login,
            ["Password"] = StaffJourney.Password,
        });
        Assert.Equal("/connexion/authentificateur", again.Headers.Location!.OriginalString);
    }
}
