using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FamilyPortal.Web.Data;

/// <summary>
/// A table of place counters (one row per activity and date, with the places taken) and the statements that count
/// in it: the one place where the provider-specific SQL of counting lives. Names are constants, values parameters.
/// </summary>
public sealed class PlaceTable
{
    public static readonly PlaceTable ActivityDays = new("ActivityDayLoads", "Date", "Booked");
    public static readonly PlaceTable Enrolments = new("EnrolmentLoads", "StartDate", "Taken");

    private PlaceTable(string table, string date, string count)
    {
        Sqlite = PlaceStatements.Counting(table, date, count, name => name,
            $"INSERT OR IGNORE INTO {table} (ActivityId, {date}, MunicipalityId, {count}) VALUES ({{0}}, {{1}}, {{2}}, 0)");
        // HOLDLOCK makes the existence test and the insert one step for concurrent transactions.
        SqlServer = PlaceStatements.Counting(table, date, count, name => name, $$"""
            MERGE {{table}} WITH (HOLDLOCK) AS target
            USING (SELECT {0} AS ActivityId, {1} AS {{date}}) AS source
            ON target.ActivityId = source.ActivityId AND target.{{date}} = source.{{date}}
            WHEN NOT MATCHED THEN INSERT (ActivityId, {{date}}, MunicipalityId, {{count}}) VALUES ({0}, {1}, {2}, 0);
            """);
        // The primary key (activity, date) arbitrates concurrent inserts: the loser waits for the winner's
        // commit, then finds the row there and inserts nothing. Its names are quoted, as EF Core created them.
        PostgreSql = PlaceStatements.Counting(table, date, count, name => $"\"{name}\"", $$"""
            INSERT INTO "{{table}}" ("ActivityId", "{{date}}", "MunicipalityId", "{{count}}") VALUES ({0}, {1}, {2}, 0)
            ON CONFLICT ("ActivityId", "{{date}}") DO NOTHING
            """);
    }

    public PlaceStatements Sqlite { get; }

    public PlaceStatements SqlServer { get; }

    public PlaceStatements PostgreSql { get; }

    public PlaceStatements For(DatabaseFacade database) =>
        database.IsNpgsql() ? PostgreSql : database.IsSqlServer() ? SqlServer : Sqlite;
}

/// <param name="Take">Takes a place; parameters: activity, date.</param>
/// <param name="TakeWithinLimit">Takes a place only while fewer than the limit are taken; parameters: activity, date, limit.</param>
/// <param name="GiveBack">Gives a place back, never below zero; parameters: activity, date.</param>
/// <param name="EnsureRow">Creates the counter row at zero if missing; parameters: activity, date, collectivité.</param>
public sealed record PlaceStatements(string Take, string TakeWithinLimit, string GiveBack, string EnsureRow)
{
    /// <summary>
    /// One UPDATE per step: a concurrent update of the same row waits for the other's commit and then tests
    /// « taken &lt; limit » again on the row as it now is, so two requests cannot both take the last place.
    /// </summary>
    public static PlaceStatements Counting(string table, string date, string count, Func<string, string> quote, string ensureRow)
    {
        var (t, d, c) = (quote(table), quote(date), quote(count));
        var row = $"{quote("ActivityId")} = {{0}} AND {d} = {{1}}";
        var take = $"UPDATE {t} SET {c} = {c} + 1 WHERE {row}";
        return new PlaceStatements(take, $"{take} AND {c} < {{2}}", $"UPDATE {t} SET {c} = {c} - 1 WHERE {row} AND {c} > 0", ensureRow);
    }
}
