using System.Net;
using System.Text;
using FamilyPortal.Tests.Features.Invoices;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>The attendance sheet shows each child's allergies, diet, PAI and the persons allowed to pick it up, on screen and in the CSV.</summary>
public class AttendanceCareTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task The_attendance_sheet_and_its_csv_show_the_allergy_the_pai_and_the_authorised_person()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync($"/mon-dossier/enfants/{tenant.ChildId}", FamilyFileKit.PeanutSheet)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?>
        {
            ["Contacts[1].LastName"] = "DURAND",
            ["Contacts[1].FirstName"] = "Odile",
            ["Contacts[1].Relationship"] = "Grand-mère",
            ["Contacts[1].Phone"] = "0612345678",
            ["Contacts[1].Pickup"] = "true",
            ["Contacts[1].ChildIds"] = tenant.ChildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "handler=Contacts")).StatusCode);
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync("/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync("/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")).StatusCode);
        var url = $"/admin/reservations?jour=2026-11-20&prestation={tenant.ActivityId}";

        var row = (await agent.GetPageAsync(url)).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Lou", StringComparison.Ordinal));

        Assert.Contains("PAI", row.QuerySelector("td.care")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Alimentaires : Arachide (cacahuète) et fruits à coque", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Régime : sans allergène (arachide)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Odile DURAND (Grand-mère) 06 12 34 56 78", row.TextContent, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString((await agent.Http.GetByteArrayAsync(url + "&handler=Csv"))[3..]);
        Assert.Contains("MARTIN;Lou;;MARTIN;non;Alimentaires : Arachide (cacahuète) et fruits à coque;sans allergène (arachide);oui;Odile DURAND (Grand-mère) 06 12 34 56 78", csv, StringComparison.Ordinal);
    }
}
