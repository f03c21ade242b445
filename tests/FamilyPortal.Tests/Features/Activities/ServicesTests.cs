using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Activities;

/// <summary>« Services »: TenantBuilder's collectivité has « Restauration scolaire ».</summary>
public class ServicesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/prestations/services";

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        return (tenant, agent);
    }

    private async Task<List<string>> NamesAsync(int municipalityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.ServiceKinds.IgnoreQueryFilters().Where(k => k.MunicipalityId == municipalityId).OrderBy(k => k.Name).Select(k => k.Name).ToListAsync();
    }

    [Fact]
    public async Task A_service_is_created_then_renamed()
    {
        var (tenant, agent) = await AgentAsync();

        var created = await agent.PostFormAsync(Url, new Dictionary<string, string?> { ["Input.Name"] = " Périscolaire " }, formAction: "handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(["Périscolaire", "Restauration scolaire"], await NamesAsync(tenant.MunicipalityId));

        var page = await agent.GetPageAsync(Url);
        Assert.Equal(["Périscolaire", "Restauration scolaire"], page.QuerySelectorAll("tbody th").Select(t => t.TextContent.Trim()));
        var renamed = await agent.SubmitAsync(page, Url, new Dictionary<string, string?> { ["Rename.Name"] = "Accueil périscolaire" }, formAction: "handler=Rename");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(["Accueil périscolaire", "Restauration scolaire"], await NamesAsync(tenant.MunicipalityId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Restauration scolaire")]
    public async Task A_missing_or_taken_name_is_refused_and_nothing_is_written(string name)
    {
        var (tenant, agent) = await AgentAsync();

        var response = await agent.PostFormAsync(Url, new Dictionary<string, string?> { ["Input.Name"] = name }, formAction: "handler=Create");

        Assert.Equal(name.Length == 0 ? "Le nom du service est obligatoire (100 caractères au plus)." : "Un service porte déjà ce nom.",
            PageClient.ErrorOf(await PageClient.ParseAsync(response), "Input.Name"));
        Assert.Equal(["Restauration scolaire"], await NamesAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task Renaming_to_a_taken_name_shows_the_error_on_that_row_and_writes_nothing()
    {
        var (tenant, agent) = await AgentAsync();
        await agent.PostFormAsync(Url, new Dictionary<string, string?> { ["Input.Name"] = "Périscolaire" }, formAction: "handler=Create");
        var page = await agent.GetPageAsync(Url);

        var response = await agent.SubmitAsync(page, Url, new Dictionary<string, string?> { ["Rename.Name"] = "Restauration scolaire" }, formAction: "handler=Rename");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Un service porte déjà ce nom.", PageClient.ErrorOf(await PageClient.ParseAsync(response), "Rename.Name"));
        Assert.Equal(["Périscolaire", "Restauration scolaire"], await NamesAsync(tenant.MunicipalityId));
    }
}
