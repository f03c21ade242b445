using System.Net;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Families;

public class SecretAnswerCheckTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    /// <summary>A parent whose secret answer is « Anne » (the registration form of the guide), linked to the family.</summary>
    private async Task<(TenantBuilder.Tenant Tenant, string Url, PageClient Agent)> ArrangeAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var parent = await CreateAccountAsync(factory, NewIdentifiant(), NewEmail());
        int membershipId;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.EnterPlatformScope();
            var membership = new Membership { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, AccountId = parent.Id };
            db.Memberships.Add(membership);
            await db.SaveChangesAsync();
            membershipId = membership.Id;
        }
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        return (tenant, $"/admin/familles/{tenant.FamilyId}/reponse-secrete/{membershipId}", agent);
    }

    [Theory]
    [InlineData(" anne ", "Réponse correcte")]
    [InlineData("Paul", "Réponse incorrecte")]
    public async Task The_agent_learns_correct_or_incorrect_and_never_sees_the_answer(string said, string result)
    {
        var (_, url, agent) = await ArrangeAsync();
        var form = await agent.GetPageAsync(url);
        Assert.DoesNotContain("Anne", form.Body!.TextContent, StringComparison.OrdinalIgnoreCase);

        var response = await agent.SubmitAsync(form, url, new Dictionary<string, string?> { ["Answer"] = said });

        var page = await PageClient.ParseAsync(response);
        Assert.Equal(result, page.QuerySelector("[data-testid=resultat]")!.TextContent.Trim());
        Assert.DoesNotContain("value=\"", page.QuerySelector("#Answer")!.OuterHtml.Replace("value=\"\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_are_rate_limited_per_agent()
    {
        var (_, url, agent) = await ArrangeAsync();
        var form = await agent.GetPageAsync(url);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await agent.SubmitAsync(form, url, new Dictionary<string, string?> { ["Answer"] = "essai " + i })).StatusCode);
        }
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task Another_collectivites_adhesion_answers_404()
    {
        var (tenant, url, _) = await ArrangeAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, other.MunicipalityId, Roles.Agent));

        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync(url.Replace($"/{tenant.FamilyId}/", $"/{other.FamilyId}/", StringComparison.Ordinal))).StatusCode);
    }
}
