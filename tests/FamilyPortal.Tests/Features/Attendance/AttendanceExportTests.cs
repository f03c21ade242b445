using System.Net;
using System.Text;
using static FamilyPortal.Tests.Features.Attendance.PointageKit;

namespace FamilyPortal.Tests.Features.Attendance;

public class AttendanceExportTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static readonly DateTimeOffset At8 = new(2026, 11, 16, 7, 0, 0, TimeSpan.Zero);

    private static async Task<string[]> CsvAsync(PageClient agent, string url)
    {
        var response = await agent.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task The_period_export_lists_each_child_and_day_and_the_caf_counts_children_days_per_age_bracket()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var small = await ChildAsync(factory, tenant, "=PETIT", birthDate: new DateOnly(2021, 3, 1));
        var big = await ChildAsync(factory, tenant, "GRAND", birthDate: new DateOnly(2016, 3, 1));
        await ChildAsync(factory, tenant, "ABSENT", birthDate: new DateOnly(2016, 3, 1));
        var (_, answer) = await SendAsync(agent, tenant,
            Mark("1", small, tenant.ActivityId, "arrive", At8, heure: "08:05"),
            Mark("2", big, tenant.ActivityId, "present", At8),
            Mark("3", tenant.ChildId, tenant.ActivityId, "present", At8));
        Assert.Equal("refuse", answer.GetProperty("resultats")[2].GetProperty("etat").GetString());

        var rows = await CsvAsync(agent, $"/admin/pointage/export?handler=Csv&du=2026-11-01&au=2026-11-30&prestation={tenant.ActivityId}");
        var caf = await CsvAsync(agent, "/admin/pointage/export?handler=Caf&du=2026-11-01&au=2026-11-30");

        Assert.Equal("Prestation;Jour;Nom;Prénom;Classe;Statut;Motif;Arrivée;Départ", rows[0]);
        Assert.Equal(
        [
            "GT - RESTAURATION;16/11/2026;'=PETIT;Max;CM1;Présent;;08:05;",
            "GT - RESTAURATION;16/11/2026;ABSENT;Max;CM1;Non pointé;;;",
            "GT - RESTAURATION;16/11/2026;GRAND;Max;CM1;Présent;;;",
            "GT - RESTAURATION;20/11/2026;MARTIN;Lou;;Absent;Maladie;;",
        ], rows[1..].Order(StringComparer.Ordinal));
        Assert.Equal(["Mois;Prestation;Moins de 6 ans;6 ans et plus;Âge inconnu;Total jours-enfants", "11/2026;GT - RESTAURATION;1;1;0;2"], caf);
        var page = await agent.GetPageAsync("/admin/pointage/export?du=2026-11-01&au=2026-11-30");
        Assert.Equal(["11/2026", "GT - RESTAURATION", "1", "1", "0", "2"], page.QuerySelectorAll("tbody tr td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task A_bad_period_gets_a_french_message_and_another_collectivites_activity_404()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);

        var response = await agent.Http.GetAsync("/admin/pointage/export?du=2026-11-30&au=2026-11-01");
        var csv = await agent.Http.GetAsync("/admin/pointage/export?handler=Csv&du=PIRATE");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("La période va d'un jour à une année : la date de fin suit la date de début.", PageClient.ErrorOf(await PageClient.ParseAsync(response), "au"));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/pointage/export?handler=Csv&prestation={other.ActivityId}")).StatusCode);
        _ = tenant;
    }
}
