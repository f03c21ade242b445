using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Activities;

/// <summary>« Places par date »: TenantBuilder books one place on 20/11/2026 and sets 10 places on 18/12/2026.</summary>
public class CapacityOverridesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static string Url(int activityId) => $"/admin/prestations/{activityId}/capacites";

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        return (tenant, agent);
    }

    private async Task<List<(DateOnly Date, int Capacity)>> OverridesAsync(int activityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var rows = await db.CapacityOverrides.IgnoreQueryFilters().Where(o => o.ActivityId == activityId).OrderBy(o => o.Date).ToListAsync();
        return rows.Select(o => (o.Date, o.Capacity)).ToList();
    }

    [Fact]
    public async Task A_capacity_below_the_bookings_of_the_day_is_refused_with_their_count_and_nothing_is_written()
    {
        var (tenant, agent) = await AgentAsync();

        var response = await agent.PostFormAsync(Url(tenant.ActivityId), new Dictionary<string, string?> { ["Input.Date"] = "2026-11-20", ["Input.Capacity"] = "0" }, formAction: "handler=Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Déjà 1 réservation(s) le 20/11/2026 : la capacité de ce jour ne peut pas être inférieure à 1.",
            PageClient.ErrorOf(await PageClient.ParseAsync(response), "Input.Capacity"));
        Assert.Equal([(new DateOnly(2026, 12, 18), 10)], await OverridesAsync(tenant.ActivityId));

        var equal = await agent.PostFormAsync(Url(tenant.ActivityId), new Dictionary<string, string?> { ["Input.Date"] = "20/11/2026", ["Input.Capacity"] = "1" }, formAction: "handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, equal.StatusCode);
        Assert.Equal([(new DateOnly(2026, 11, 20), 1), (new DateOnly(2026, 12, 18), 10)], await OverridesAsync(tenant.ActivityId));
    }

    [Fact]
    public async Task An_override_of_the_same_day_is_replaced_and_one_can_be_removed()
    {
        var (tenant, agent) = await AgentAsync();

        var replaced = await agent.PostFormAsync(Url(tenant.ActivityId), new Dictionary<string, string?> { ["Input.Date"] = "2026-12-18", ["Input.Capacity"] = "12" }, formAction: "handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal([(new DateOnly(2026, 12, 18), 12)], await OverridesAsync(tenant.ActivityId));

        var page = await agent.GetPageAsync(Url(tenant.ActivityId));
        Assert.Contains("vendredi 18 décembre 2026", page.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var removed = await agent.SubmitAsync(page, Url(tenant.ActivityId), new Dictionary<string, string?>(), formAction: "handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await OverridesAsync(tenant.ActivityId));
    }

    [Theory]
    [InlineData("Input.Date", "", "Saisissez la date, au format jj/mm/aaaa.")]
    [InlineData("Input.Date", "2026-11-13", "Choisissez aujourd'hui ou un jour à venir.")]
    [InlineData("Input.Capacity", "", "La capacité est un nombre de places entre 0 et 10 000.")]
    [InlineData("Input.Capacity", "-3", "La capacité est un nombre de places entre 0 et 10 000.")]
    public async Task Form_errors_are_shown_next_to_the_fields_and_nothing_is_written(string field, string value, string message)
    {
        var (tenant, agent) = await AgentAsync();
        var form = new Dictionary<string, string?> { ["Input.Date"] = "2026-12-01", ["Input.Capacity"] = "5" };
        form[field] = value;

        var response = await agent.PostFormAsync(Url(tenant.ActivityId), form, formAction: "handler=Add");

        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal([(new DateOnly(2026, 12, 18), 10)], await OverridesAsync(tenant.ActivityId));
    }
}
