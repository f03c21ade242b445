using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Reservations;

/// <summary>
/// The grid's reads must follow the week shown, not the size of the collectivité: SQLite has no statistics,
/// and with the tenant filter it once chose the lone MunicipalityId index and read every booking of the
/// town (see the README's « Performance »). These tests keep the plan on the composite indexes.
/// </summary>
[Trait("Database", "SqliteOnly")]
public partial class QueryPlanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [GeneratedRegex(@"^\.param set (\S+) (.*)$", RegexOptions.Multiline)]
    private static partial Regex Parameter();

    private async Task<string> PlanAsync(Func<FamilyPortalDbContext, IQueryable<object>> query)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var text = query(db).ToQueryString();
        var sql = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (Match p in Parameter().Matches(text))
        {
            command.Parameters.AddWithValue(p.Groups[1].Value, p.Groups[2].Value.Trim().Trim('\''));
        }
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        return string.Join(" | ", plan);
    }

    [Fact]
    public async Task A_childs_bookings_of_a_week_are_read_through_a_child_index()
    {
        var from = new DateOnly(2026, 11, 23);
        var to = from.AddDays(6);
        int[] children = [1, 2];
        var plan = await PlanAsync(db => db.Bookings.Where(b => children.Contains(b.ChildId) && b.Date >= from && b.Date <= to && b.CancelledAtUtc == null)
            .Select(b => (object)b.Id));
        Assert.Matches("USING (COVERING )?INDEX IX_Bookings_(MunicipalityId_ChildId_Date|ChildId_ActivityId_Date)", plan);
        Assert.DoesNotContain("IX_Bookings_MunicipalityId ", plan + " ", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_counters_of_a_week_are_read_through_the_activity_and_date()
    {
        var from = new DateOnly(2026, 11, 23);
        var to = from.AddDays(6);
        int[] activities = [1, 2];
        var plan = await PlanAsync(db => db.ActivityDayLoads.Where(l => activities.Contains(l.ActivityId) && l.Date >= from && l.Date <= to)
            .Select(l => (object)l.Booked));
        Assert.Matches("USING (COVERING )?INDEX (IX_ActivityDayLoads_MunicipalityId_ActivityId_Date|sqlite_autoindex_ActivityDayLoads_1)|USING PRIMARY KEY", plan);
    }
}
