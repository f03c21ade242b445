using System.Net;
using System.Text.Json;
using FamilyPortal.Tests.Features.Invoices;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>« Télécharger mes données » holds the family file, its contacts and the fiches sanitaires, opened.</summary>
public class FamilyFileExportTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task The_export_of_my_data_holds_the_family_file_contacts_and_health_data_in_clear()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync($"/mon-dossier/enfants/{tenant.ChildId}", FamilyFileKit.PeanutSheet)).StatusCode);
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync("/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")).StatusCode);

        var response = await parent.Http.GetAsync("/mon-compte/Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var file = json.RootElement.GetProperty("dossiersFamille")[0];
        Assert.Equal(tenant.Name, file.GetProperty("collectivite").GetString());
        Assert.Equal("TEST", file.GetProperty("contacts")[0].GetProperty("nom").GetString());
        var child = file.GetProperty("enfants")[0];
        Assert.Equal("Arachide (cacahuète) et fruits à coque", child.GetProperty("ficheSanitaire").GetProperty("FoodAllergies").GetString());
        Assert.True(child.GetProperty("ficheSanitaire").GetProperty("HasPai").GetBoolean());
    }
}
