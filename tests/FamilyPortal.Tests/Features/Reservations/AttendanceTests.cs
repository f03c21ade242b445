using System.Net;
using System.Text;
using FamilyPortal.Web.Infrastructure.Csv;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Reservations;

public class AttendanceTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        return (tenant, agent);
    }

    private async Task BookAsync(TenantBuilder.Tenant tenant, string lastName)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var child = new Child { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, FirstName = "Max", LastName = lastName, SchoolClass = "CM1" };
        db.Children.Add(child);
        await db.SaveChangesAsync();
        db.Bookings.Add(new Booking { MunicipalityId = tenant.MunicipalityId, ChildId = child.Id, ActivityId = tenant.ActivityId, Date = Friday });
        await db.SaveChangesAsync();
    }

    private static string Url(TenantBuilder.Tenant tenant, int? activityId = null) =>
        $"/admin/reservations?jour=2026-11-20&prestation={activityId ?? tenant.ActivityId}";

    [Fact]
    public async Task The_attendance_sheet_lists_the_children_booked_that_day_with_their_class()
    {
        var (tenant, agent) = await AgentAsync();
        await BookAsync(tenant, "BERNARD");

        var page = await agent.GetPageAsync(Url(tenant));

        var rows = page.QuerySelectorAll("table tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(["BERNARD|Max|CM1", "MARTIN|Lou|"], rows);
        Assert.Contains("2 enfant(s) réservé(s) pour 30 places", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_opens_in_a_spreadsheet_with_accents_and_no_formula()
    {
        var (tenant, agent) = await AgentAsync();
        await BookAsync(tenant, "=HYPERLINK(\"http://pirate.exemple\";\"clic\")");

        var response = await agent.Http.GetAsync(Url(tenant) + "&handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nom;Prénom;Classe;Foyer;Réservé par la mairie;Allergies;Régime;PAI;Personnes autorisées", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(\"\"http://pirate.exemple\"\";\"\"clic\"\")\";Max;CM1;MARTIN;non", StringComparison.Ordinal));
        Assert.Contains("MARTIN;Lou;;MARTIN;non;;;non;", lines);
    }

    [Fact]
    public async Task An_activity_of_another_collectivite_answers_404()
    {
        var (tenant, agent) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync(Url(tenant, other.ActivityId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync(Url(tenant, other.ActivityId) + "&handler=Csv")).StatusCode);
    }

    [Fact]
    public async Task A_parent_cannot_open_the_attendance_sheet()
    {
        var (tenant, _) = await AgentAsync();
        var parent = PageClient.For(factory);
        var identifiant = Accounts.AccountJourney.NewIdentifiant();
        await Accounts.AccountJourney.CreateAccountAsync(factory, identifiant, Accounts.AccountJourney.NewEmail());
        await Accounts.AccountJourney.SignInAsync(parent, identifiant, Accounts.AccountJourney.Password);

        var response = await parent.Http.GetAsync(Url(tenant));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 6", "'+33 6")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("Zoé", "Zoé")]
    public void Cells_are_neutralised_and_quoted(string value, string cell) => Assert.Equal(cell, CsvText.Cell(value));
}
