using System.Net;
using AngleSharp.Html.Dom;
using FamilyPortal.Web.Features.Families.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>The responsables légaux of a family, on the family form: several per family, at least one, under the family's version.</summary>
public class ResponsibleAdultsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        return (tenant, agent);
    }

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db);
    }

    private Task<List<ResponsibleAdult>> AdultsAsync(int familyId) =>
        ReadAsync(db => db.ResponsibleAdults.IgnoreQueryFilters().AsNoTracking().Where(a => a.FamilyId == familyId).OrderBy(a => a.Position).ToListAsync());

    private Task<Family> FamilyAsync(int id) =>
        ReadAsync(db => db.Families.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == id));

    private Task<(int Families, int Adults)> CountsAsync(int municipalityId) => ReadAsync(async db =>
        (await db.Families.IgnoreQueryFilters().CountAsync(f => f.MunicipalityId == municipalityId),
         await db.ResponsibleAdults.IgnoreQueryFilters().CountAsync(a => a.MunicipalityId == municipalityId)));

    private static string Value(IHtmlDocument page, string id) => ((IHtmlInputElement)page.QuerySelector($"#{id}")!).Value;

    [Fact]
    public async Task A_new_family_with_two_responsables_stores_them_normalised_shows_them_and_is_found_by_their_names_and_emails()
    {
        var (tenant, agent) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var form = await agent.GetPageAsync("/admin/familles/fiche");
        Assert.Single(form.QuerySelectorAll("fieldset.adult-block"));

        // « Ajouter un responsable » gives a second block and keeps what was typed; nothing is written.
        var added = await agent.SubmitAsync(form, "/admin/familles/fiche?handler=AddAdult", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "FONTAINE",
            ["Input.Adults[0].LastName"] = "FONTAINE",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var twoBlocks = await PageClient.ParseAsync(added);
        Assert.Equal(2, twoBlocks.QuerySelectorAll("fieldset.adult-block").Length);
        Assert.Equal("FONTAINE", Value(twoBlocks, "Input_HouseholdName"));
        Assert.Equal("FONTAINE", Value(twoBlocks, "Input_Adults_0__LastName"));
        Assert.Equal((1, 1), await CountsAsync(tenant.MunicipalityId));

        var response = await agent.SubmitAsync(twoBlocks, "/admin/familles/fiche", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "FONTAINE",
            ["Input.Email"] = "famille.fontaine@exemple.test",
            ["Input.Adults[0].Civility"] = "Mme",
            ["Input.Adults[0].LastName"] = " FONTAINE ",
            ["Input.Adults[0].FirstName"] = "Hélène",
            ["Input.Adults[0].Relationship"] = "Mère",
            ["Input.Adults[0].Email"] = " Helene.Fontaine@Exemple.TEST",
            ["Input.Adults[0].MobilePhone"] = "+33 6 11 22 33 44",
            ["Input.Adults[0].WorkPhone"] = "03.83.00.11.22",
            ["Input.Adults[1].Civility"] = "M.",
            ["Input.Adults[1].LastName"] = "ROCHE",
            ["Input.Adults[1].FirstName"] = "Éric",
            ["Input.Adults[1].Relationship"] = "Beau-père",
            ["Input.Adults[1].HomePhone"] = "03 83 44 55 66",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var adults = await AdultsAsync(id);
        Assert.Equal(2, adults.Count);
        Assert.Equal(("Mme", "FONTAINE", "Hélène", "Mère", "helene.fontaine@exemple.test", "0611223344", (string?)null, "0383001122", 1, tenant.MunicipalityId),
            (adults[0].Civility, adults[0].LastName, adults[0].FirstName, adults[0].Relationship, adults[0].Email, adults[0].MobilePhone, adults[0].HomePhone, adults[0].WorkPhone, adults[0].Position, adults[0].MunicipalityId));
        Assert.Equal(("M.", "ROCHE", "Éric", "Beau-père", "0383445566", 2), (adults[1].Civility, adults[1].LastName, adults[1].FirstName, adults[1].Relationship, adults[1].HomePhone, adults[1].Position));

        var details = await agent.GetPageAsync($"/admin/familles/{id}");
        var shown = details.QuerySelectorAll("[data-testid=responsable]").Select(li => li.TextContent).ToList();
        Assert.Equal(2, shown.Count);
        Assert.Contains("Mme Hélène FONTAINE", shown[0], StringComparison.Ordinal);
        Assert.Contains("(Mère)", shown[0], StringComparison.Ordinal);
        Assert.Contains("06 11 22 33 44", shown[0], StringComparison.Ordinal);
        Assert.Contains("M. Éric ROCHE", shown[1], StringComparison.Ordinal);

        // The other collectivité has a responsable of the same name: never shown here.
        foreach (var term in new[] { "roche", "Éric ROCHE", "helene.fontaine@", "Camille MARTIN" })
        {
            var page = await agent.GetPageAsync("/admin/familles?q=" + Uri.EscapeDataString(term));
            var links = page.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains($"/admin/familles/{(term == "Camille MARTIN" ? tenant.FamilyId : id)}", links);
            Assert.DoesNotContain($"/admin/familles/{other.FamilyId}", links);
        }
    }

    [Fact]
    public async Task A_family_without_any_responsable_is_refused_and_nothing_is_written()
    {
        var (tenant, agent) = await AgentAsync();
        var before = await CountsAsync(tenant.MunicipalityId);

        var response = await agent.PostFormAsync("/admin/familles/fiche", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "SEUL",
            ["Input.Email"] = "seul@exemple.test",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal("Indiquez au moins un responsable légal (nom et prénom).", PageClient.ErrorOf(page, "Input.Adults"));
        Assert.Contains("Indiquez au moins un responsable légal", page.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(tenant.MunicipalityId));
    }

    [Theory]
    [InlineData("Civility", "Dr", AdultFields.CivilityMessage)]
    [InlineData("LastName", "", AdultFields.LastNameMessage)]
    [InlineData("FirstName", "", AdultFields.FirstNameMessage)]
    [InlineData("Relationship", "Une relation décrite bien trop longuement pour tenir ici", AdultFields.RelationshipMessage)]
    [InlineData("Email", "marie@", AdultFields.EmailMessage)]
    [InlineData("MobilePhone", "12", AdultFields.PhoneMessage)]
    [InlineData("HomePhone", "+44 20 7946 0958", AdultFields.PhoneMessage)]
    [InlineData("WorkPhone", "06 12 34 56 7a", AdultFields.PhoneMessage)]
    public async Task A_responsable_error_is_shown_next_to_its_field_in_french_and_nothing_is_written(string field, string value, string message)
    {
        var (tenant, agent) = await AgentAsync();
        var before = await CountsAsync(tenant.MunicipalityId);
        var form = new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "BLANC",
            ["Input.Email"] = "blanc@exemple.test",
            ["Input.Adults[0].LastName"] = "BLANC",
            ["Input.Adults[0].FirstName"] = "Lucie",
        };
        form[$"Input.Adults[0].{field}"] = value;

        var response = await agent.PostFormAsync("/admin/familles/fiche", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(message, PageClient.ErrorOf(page, $"Input.Adults[0].{field}"));
        Assert.Equal(before, await CountsAsync(tenant.MunicipalityId));

        // The same error on an existing family's responsable: nothing changes either.
        var url = $"/admin/familles/fiche/{tenant.FamilyId}";
        var edit = await agent.PostFormAsync(url, new Dictionary<string, string?> { [$"Input.Adults[0].{field}"] = value, ["Input.HouseholdName"] = "CHANGÉ" });
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(edit), $"Input.Adults[0].{field}"));
        var family = await FamilyAsync(tenant.FamilyId);
        Assert.Equal(("MARTIN", 0), (family.HouseholdName, family.Version));
        var adult = Assert.Single(await AdultsAsync(tenant.FamilyId));
        Assert.Equal(("Mme", "MARTIN", "Camille", "0612345678"), (adult.Civility, adult.LastName, adult.FirstName, adult.MobilePhone));
    }

    [Fact]
    public async Task Responsables_are_added_edited_and_removed_and_each_save_raises_the_family_version()
    {
        var (tenant, agent) = await AgentAsync();
        var url = $"/admin/familles/fiche/{tenant.FamilyId}";
        var camille = Assert.Single(await AdultsAsync(tenant.FamilyId));

        var withBlank = await PageClient.ParseAsync(await agent.SubmitAsync(await agent.GetPageAsync(url), url + "?handler=AddAdult", new Dictionary<string, string?>()));
        var added = await agent.SubmitAsync(withBlank, url, new Dictionary<string, string?>
        {
            ["Input.Adults[0].MobilePhone"] = "07 00 00 00 01",
            ["Input.Adults[1].LastName"] = "MARTIN",
            ["Input.Adults[1].FirstName"] = "Louis",
            ["Input.Adults[1].Relationship"] = "Père",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var adults = await AdultsAsync(tenant.FamilyId);
        Assert.Equal(["Camille", "Louis"], adults.Select(a => a.FirstName));
        Assert.Equal(camille.Id, adults[0].Id);
        Assert.Equal("0700000001", adults[0].MobilePhone);
        Assert.Equal(1, (await FamilyAsync(tenant.FamilyId)).Version);

        var removed = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Input.Adults[0].Remove"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var left = Assert.Single(await AdultsAsync(tenant.FamilyId));
        Assert.Equal(("Louis", 1), (left.FirstName, left.Position));
        Assert.Equal(2, (await FamilyAsync(tenant.FamilyId)).Version);

        // The last one cannot go.
        var refused = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Input.Adults[0].Remove"] = "true" });
        Assert.Equal("Indiquez au moins un responsable légal (nom et prénom).", PageClient.ErrorOf(await PageClient.ParseAsync(refused), "Input.Adults"));
        Assert.Equal("Louis", Assert.Single(await AdultsAsync(tenant.FamilyId)).FirstName);
        Assert.Equal(2, (await FamilyAsync(tenant.FamilyId)).Version);
    }

    [Fact]
    public async Task A_save_based_on_the_adults_before_another_agents_change_is_refused_with_the_current_values()
    {
        var (tenant, first) = await AgentAsync();
        var second = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var url = $"/admin/familles/fiche/{tenant.FamilyId}";
        var firstForm = await first.GetPageAsync(url);
        var secondForm = await second.GetPageAsync(url);

        // Only a responsable changes: the family's version still moves.
        var saved = await first.SubmitAsync(firstForm, url, new Dictionary<string, string?> { ["Input.Adults[0].FirstName"] = "Camille-Rose" });
        var refused = await second.SubmitAsync(secondForm, url, new Dictionary<string, string?> { ["Input.Adults[0].Email"] = "camille@exemple.test" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains(EditModel.ChangedMeanwhile, page.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Camille-Rose", Value(page, "Input_Adults_0__FirstName"));
        var adult = Assert.Single(await AdultsAsync(tenant.FamilyId));
        Assert.Equal(("Camille-Rose", tenant.FamilyEmail), (adult.FirstName, adult.Email));

        var retry = await second.SubmitAsync(page, url, new Dictionary<string, string?> { ["Input.Adults[0].Email"] = "camille@exemple.test" });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        adult = Assert.Single(await AdultsAsync(tenant.FamilyId));
        Assert.Equal(("Camille-Rose", "camille@exemple.test"), (adult.FirstName, adult.Email));
        Assert.Equal(2, (await FamilyAsync(tenant.FamilyId)).Version);
    }

    [Fact]
    public async Task A_form_naming_another_familys_responsable_answers_404_and_writes_nothing()
    {
        var (tenant, agent) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var neighbour = await ReadAsync(db => db.Families.IgnoreQueryFilters().SingleAsync(f => f.Id == tenant.FamilyId));
        var otherAdult = Assert.Single(await AdultsAsync(other.FamilyId));
        var url = $"/admin/familles/fiche/{tenant.FamilyId}";

        var response = await agent.PostFormAsync(url, new Dictionary<string, string?>
        {
            ["Input.Adults[0].Id"] = otherAdult.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Adults[0].FirstName"] = "Pirate",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Camille", Assert.Single(await AdultsAsync(other.FamilyId)).FirstName);
        Assert.Equal("Camille", Assert.Single(await AdultsAsync(tenant.FamilyId)).FirstName);
        Assert.Equal(neighbour.Version, (await FamilyAsync(tenant.FamilyId)).Version);
    }
}
