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
        var row = $"ActivityId = {{0}} AND {date} = {{1}}";
        Take = $"UPDATE {table} SET {count} = {count} + 1 WHERE {row}";
        TakeWithinLimit = $"{Take} AND {count} < {{2}}";
        GiveBack = $"UPDATE {table} SET {count} = {count} - 1 WHERE {row} AND {count} > 0";
        EnsureRowSqlite = $"INSERT OR IGNORE INTO {table} (ActivityId, {date}, MunicipalityId, {count}) VALUES ({{0}}, {{1}}, {{2}}, 0)";
        // HOLDLOCK makes the existence test and the insert one step for concurrent transactions.
        EnsureRowSqlServer = $$"""
            MERGE {{table}} WITH (HOLDLOCK) AS target
            USING (SELECT {0} AS ActivityId, {1} AS {{date}}) AS source
            ON target.ActivityId = source.ActivityId AND target.{{date}} = source.{{date}}
            WHEN NOT MATCHED THEN INSERT (ActivityId, {{date}}, MunicipalityId, {{count}}) VALUES ({0}, {1}, {2}, 0);
            """;
    }

    /// <summary>Takes a place; parameters: activity, date.</summary>
    public string Take { get; }

    /// <summary>Takes a place only while fewer than the limit are taken; parameters: activity, date, limit.</summary>
    public string TakeWithinLimit { get; }

    /// <summary>Gives a place back, never below zero; parameters: activity, date.</summary>
    public string GiveBack { get; }

    /// <summary>Creates the counter row at zero if missing; parameters: activity, date, collectivité.</summary>
    public string EnsureRowSqlite { get; }

    public string EnsureRowSqlServer { get; }
}
