using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Activities;

public class SitesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/sites";

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>());
    }

    [Fact]
    public async Task A_site_is_created_with_an_upper_case_prefix()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));

        var response = await agent.PostFormAsync(Url, new Dictionary<string, string?> { ["Input.Name"] = "Centre Bautzen", ["Input.Prefix"] = "bc" }, formAction: "handler=Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var site = await ReadAsync(db => db.Sites.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == tenant.MunicipalityId && s.Name == "Centre Bautzen"));
        Assert.Equal("BC", site.Prefix);
    }

    [Theory]
    [InlineData("Input.Name", "", "Le nom du site est obligatoire (200 caractères au plus).")]
    [InlineData("Input.Name", "Groupe scolaire Test", "Un site porte déjà ce nom.")]
    [InlineData("Input.Prefix", "G J", "Le préfixe est obligatoire : 1 à 10 lettres ou chiffres, par exemple GJ.")]
    public async Task Errors_are_shown_next_to_the_fields_and_nothing_is_written(string field, string value, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var form = new Dictionary<string, string?> { ["Input.Name"] = "Nouveau site", ["Input.Prefix"] = "NS" };
        form[field] = value;

        var response = await agent.PostFormAsync(Url, form, formAction: "handler=Create");

        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal(1, await ReadAsync(db => db.Sites.IgnoreQueryFilters().CountAsync(s => s.MunicipalityId == tenant.MunicipalityId)));
    }

    [Fact]
    public async Task A_site_in_use_cannot_be_deleted_but_can_be_archived()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var page = await agent.GetPageAsync(Url);

        var delete = await agent.SubmitAsync(page, Url, new Dictionary<string, string?>(), formAction: "handler=Delete");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("Le site Groupe scolaire Test ne peut pas être supprimé : il a 1 prestation(s) et 1 enfant(s). Archivez-le plutôt.",
            (await PageClient.ParseAsync(delete)).QuerySelector(".validation-summary li")!.TextContent.Trim());
        Assert.True(await ReadAsync(db => db.Sites.IgnoreQueryFilters().AnyAsync(s => s.Id == tenant.SiteId)));

        var archive = await agent.SubmitAsync(page, Url, new Dictionary<string, string?>(), formAction: "handler=Archive");
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.True(await ReadAsync(db => db.Sites.IgnoreQueryFilters().Where(s => s.Id == tenant.SiteId).Select(s => s.IsArchived).SingleAsync()));
    }

    [Fact]
    public async Task Another_collectivites_site_answers_404_and_is_untouched()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var token = (await agent.GetPageAsync(Url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var handler in new[] { "Archive&archived=true", "Delete" })
        {
            var response = await agent.Http.PostAsync($"{Url}?handler={handler}&siteId={other.SiteId}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.False(await ReadAsync(db => db.Sites.IgnoreQueryFilters().Where(s => s.Id == other.SiteId).Select(s => s.IsArchived).SingleAsync()));
    }
}
