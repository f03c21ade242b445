using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Families;

public class FamiliesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync(string childFirstName = "Lou")
    {
        var tenant = await TenantBuilder.CreateAsync(factory, childFirstName: childFirstName);
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

    private Task<Family> FamilyAsync(int id) =>
        ReadAsync(db => db.Families.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == id));

    [Theory]
    [InlineData("martin")]
    [InlineData("Zoé")]
    [InlineData("famille-")]
    public async Task Search_finds_a_family_by_household_child_or_email_in_the_collectivite_only(string term)
    {
        var (tenant, agent) = await AgentAsync("Zoé");
        var other = await TenantBuilder.CreateAsync(factory, childFirstName: "Zoé");

        var page = await agent.GetPageAsync("/admin/familles?q=" + Uri.EscapeDataString(term));

        var links = page.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/admin/familles/{tenant.FamilyId}", links);
        Assert.DoesNotContain($"/admin/familles/{other.FamilyId}", links);
    }

    [Fact]
    public async Task Search_finds_a_family_by_its_code_typed_loosely()
    {
        var (tenant, agent) = await AgentAsync();
        var loose = tenant.AdhesionCode.ToLowerInvariant().Insert(5, " - ");

        var page = await agent.GetPageAsync("/admin/familles?q=" + Uri.EscapeDataString(loose));

        var link = Assert.Single(page.QuerySelectorAll("tbody a"));
        Assert.Equal($"/admin/familles/{tenant.FamilyId}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task A_new_family_gets_a_code_and_its_email_is_stored_lower_case()
    {
        var (tenant, agent) = await AgentAsync();

        var response = await agent.PostFormAsync("/admin/familles/fiche", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "LEGRAND",
            ["Input.Reference"] = "F-42",
            ["Input.Email"] = "  Famille.Legrand@Exemple.FR ",
            ["Input.Phone"] = "06 12 34 56 78",
            ["Input.Adults[0].LastName"] = "LEGRAND",
            ["Input.Adults[0].FirstName"] = "Sophie",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var family = await FamilyAsync(id);
        Assert.Equal(tenant.MunicipalityId, family.MunicipalityId);
        Assert.Equal("famille.legrand@exemple.fr", family.Email);
        Assert.NotEmpty(family.AdhesionCodeLookup);
        var details = await agent.GetPageAsync($"/admin/familles/{id}");
        Assert.Equal(10, details.QuerySelector("[data-testid=code-adhesion]")!.TextContent.Trim().Length);
    }

    [Theory]
    [InlineData("Input.HouseholdName", "", "Le nom du foyer est obligatoire (200 caractères au plus).")]
    [InlineData("Input.Email", "pas une adresse", "Saisissez une adresse email valide, par exemple famille.dupond@exemple.fr.")]
    [InlineData("Input.Phone", "12", "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.")]
    public async Task A_family_form_error_is_shown_next_to_its_field_and_nothing_is_written(string field, string value, string message)
    {
        var (tenant, agent) = await AgentAsync();
        var before = await ReadAsync(db => db.Families.IgnoreQueryFilters().CountAsync(f => f.MunicipalityId == tenant.MunicipalityId));
        var form = new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "PETIT",
            ["Input.Email"] = "petit@exemple.test",
            ["Input.Phone"] = "",
            ["Input.Adults[0].LastName"] = "PETIT",
            ["Input.Adults[0].FirstName"] = "Jules",
        };
        form[field] = value;

        var response = await agent.PostFormAsync("/admin/familles/fiche", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal(before, await ReadAsync(db => db.Families.IgnoreQueryFilters().CountAsync(f => f.MunicipalityId == tenant.MunicipalityId)));
    }

    [Fact]
    public async Task A_reference_already_used_in_the_collectivite_is_refused()
    {
        var (tenant, agent) = await AgentAsync();
        await agent.PostFormAsync($"/admin/familles/fiche/{tenant.FamilyId}", new Dictionary<string, string?> { ["Input.Reference"] = "R-1" });

        var response = await agent.PostFormAsync("/admin/familles/fiche", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "PETIT",
            ["Input.Email"] = "petit@exemple.test",
            ["Input.Reference"] = "R-1",
            ["Input.Adults[0].LastName"] = "PETIT",
            ["Input.Adults[0].FirstName"] = "Jules",
        });

        Assert.Equal("Cette référence est déjà celle d'une autre famille.", PageClient.ErrorOf(await PageClient.ParseAsync(response), "Input.Reference"));
    }

    [Fact]
    public async Task Two_agents_editing_the_same_family_the_second_save_is_refused_with_the_current_values()
    {
        var (tenant, first) = await AgentAsync();
        var second = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var url = $"/admin/familles/fiche/{tenant.FamilyId}";
        var firstForm = await first.GetPageAsync(url);
        var secondForm = await second.GetPageAsync(url);

        var saved = await first.SubmitAsync(firstForm, url, new Dictionary<string, string?> { ["Input.HouseholdName"] = "MARTIN-DURAND" });
        var refused = await second.SubmitAsync(secondForm, url, new Dictionary<string, string?> { ["Input.HouseholdName"] = "MARTIN-PETIT" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("modifiée entre-temps", page.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("MARTIN-DURAND", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_HouseholdName")!).Value);
        Assert.Equal("MARTIN-DURAND", (await FamilyAsync(tenant.FamilyId)).HouseholdName);

        // With the current values in hand, the second agent may save.
        var retry = await second.SubmitAsync(page, url, new Dictionary<string, string?> { ["Input.HouseholdName"] = "MARTIN-PETIT" });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("MARTIN-PETIT", (await FamilyAsync(tenant.FamilyId)).HouseholdName);
    }

    [Fact]
    public async Task A_child_is_added_then_a_stale_edit_of_it_is_refused()
    {
        var (tenant, agent) = await AgentAsync();
        var added = await agent.PostFormAsync($"/admin/familles/{tenant.FamilyId}/enfant", new Dictionary<string, string?>
        {
            ["Input.FirstName"] = "Noé",
            ["Input.BirthDate"] = "2018-03-02",
            ["Input.SiteId"] = tenant.SiteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SchoolClass"] = "CE1",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var child = await ReadAsync(db => db.Children.IgnoreQueryFilters().SingleAsync(c => c.FamilyId == tenant.FamilyId && c.FirstName == "Noé"));
        Assert.Equal(("MARTIN", new DateOnly(2018, 3, 2), tenant.SiteId, "CE1"), (child.LastName, child.BirthDate!.Value, child.SiteId!.Value, child.SchoolClass!));

        var url = $"/admin/familles/{tenant.FamilyId}/enfant/{child.Id}";
        var stale = await agent.GetPageAsync(url);
        await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Input.SchoolClass"] = "CE2" });
        var refused = await agent.SubmitAsync(stale, url, new Dictionary<string, string?> { ["Input.SchoolClass"] = "CM1" });

        Assert.Contains("modifiée entre-temps", (await PageClient.ParseAsync(refused)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("CE2", (await ReadAsync(db => db.Children.IgnoreQueryFilters().SingleAsync(c => c.Id == child.Id))).SchoolClass);
    }

    [Fact]
    public async Task A_child_form_error_writes_nothing()
    {
        var (tenant, agent) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);

        var response = await agent.PostFormAsync($"/admin/familles/{tenant.FamilyId}/enfant", new Dictionary<string, string?>
        {
            ["Input.FirstName"] = "",
            ["Input.BirthDate"] = "2099-01-01",
            ["Input.SiteId"] = other.SiteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var page = await PageClient.ParseAsync(response);
        Assert.Equal("Le prénom est obligatoire (100 caractères au plus).", PageClient.ErrorOf(page, "Input.FirstName"));
        Assert.Equal("Saisissez une date de naissance valide, au format jj/mm/aaaa.", PageClient.ErrorOf(page, "Input.BirthDate"));
        Assert.Equal("Choisissez un site de la liste.", PageClient.ErrorOf(page, "Input.SiteId"));
        Assert.Equal(1, await ReadAsync(db => db.Children.IgnoreQueryFilters().CountAsync(c => c.FamilyId == tenant.FamilyId)));
    }

    [Fact]
    public async Task Regenerating_the_code_revokes_the_old_one_and_the_new_one_can_be_emailed_and_printed()
    {
        var (tenant, agent) = await AgentAsync();
        var url = $"/admin/familles/{tenant.FamilyId}";
        var oldLookup = (await FamilyAsync(tenant.FamilyId)).AdhesionCodeLookup;
        Assert.Equal(tenant.AdhesionCode, (await agent.GetPageAsync(url)).QuerySelector("[data-testid=code-adhesion]")!.TextContent.Trim());

        var regenerated = await agent.PostFormAsync(url, new Dictionary<string, string?>(), formAction: "handler=Regenerate");
        Assert.Equal(HttpStatusCode.Redirect, regenerated.StatusCode);
        var page = await agent.GetPageAsync(url);
        var newCode = page.QuerySelector("[data-testid=code-adhesion]")!.TextContent.Trim();
        Assert.NotEqual(tenant.AdhesionCode, newCode);
        Assert.NotEqual(oldLookup, (await FamilyAsync(tenant.FamilyId)).AdhesionCodeLookup);
        var oldSearch = await agent.GetPageAsync("/admin/familles?q=" + tenant.AdhesionCode);
        Assert.Empty(oldSearch.QuerySelectorAll("tbody a"));

        var emailed = await agent.SubmitAsync(page, url, new Dictionary<string, string?>(), formAction: "handler=EmailCode");
        Assert.Equal(HttpStatusCode.Redirect, emailed.StatusCode);
        var mail = Assert.Single(await MailToAsync(factory, tenant.FamilyEmail), m => m.Subject.StartsWith("Votre code d'adhésion", StringComparison.Ordinal));
        Assert.Contains(newCode, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(tenant.MunicipalityId, mail.MunicipalityId);

        var letter = await agent.GetPageAsync(url + "/lettre");
        Assert.Equal("Votre code d'adhésion", letter.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(newCode, letter.QuerySelector(".letter-code")!.TextContent.Trim());
    }

    [Fact]
    public async Task Unlinking_an_account_deletes_its_adhesion_only()
    {
        var (tenant, agent) = await AgentAsync();
        var url = $"/admin/familles/{tenant.FamilyId}";
        var page = await agent.GetPageAsync(url);
        Assert.Contains(tenant.LinkedAccountId is null ? "" : "Camille MARTIN", page.Body!.TextContent, StringComparison.Ordinal);

        var response = await agent.SubmitAsync(page, url, new Dictionary<string, string?>(), formAction: "handler=Unlink");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await ReadAsync(db => db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.FamilyId == tenant.FamilyId)));
        Assert.True(await ReadAsync(db => db.Users.AnyAsync(u => u.Id == tenant.LinkedAccountId)));
    }

    [Fact]
    public async Task Another_collectivites_family_answers_404_everywhere_and_nothing_is_written()
    {
        var (_, agent) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var membershipId = await ReadAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.FamilyId == other.FamilyId).Select(m => m.Id).SingleAsync());
        var before = await FamilyAsync(other.FamilyId);
        var token = (await agent.GetPageAsync("/admin/familles/fiche")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var url in new[]
        {
            $"/admin/familles/{other.FamilyId}", $"/admin/familles/fiche/{other.FamilyId}", $"/admin/familles/{other.FamilyId}/lettre",
            $"/admin/familles/{other.FamilyId}/enfant", $"/admin/familles/{other.FamilyId}/enfant/{other.ChildId}",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync(url)).StatusCode);
        }
        foreach (var url in new[]
        {
            $"/admin/familles/{other.FamilyId}?handler=Regenerate", $"/admin/familles/{other.FamilyId}?handler=EmailCode",
            $"/admin/familles/{other.FamilyId}?handler=Unlink&membershipId={membershipId}",
            $"/admin/familles/fiche/{other.FamilyId}", $"/admin/familles/{other.FamilyId}/enfant/{other.ChildId}",
            $"/admin/familles/{other.FamilyId}/enfant",
        })
        {
            var post = await agent.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.HouseholdName"] = "PIRATE",
                ["Input.Email"] = "pirate@exemple.test",
                ["Input.FirstName"] = "Pirate",
                ["Input.LastName"] = "PIRATE",
                ["Input.Version"] = "0",
            }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        var after = await FamilyAsync(other.FamilyId);
        Assert.Equal((before.HouseholdName, before.AdhesionCodeLookup, before.Version), (after.HouseholdName, after.AdhesionCodeLookup, after.Version));
        Assert.True(await ReadAsync(db => db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.Id == membershipId)));
        Assert.Equal(1, await ReadAsync(db => db.Children.IgnoreQueryFilters().CountAsync(c => c.FamilyId == other.FamilyId)));
        Assert.Empty(await MailToAsync(factory, other.FamilyEmail));
    }

    [Fact]
    public async Task Parents_get_403_on_the_family_pages()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var parent = PageClient.For(factory);
        await SignInAsync(parent, identifiant, Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await parent.Http.GetAsync("/admin/familles")).StatusCode);
    }
}
