using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// Row count and checksum of every table of a test portal's database, read with plain SQL so that tables
/// added later are included without anyone listing them. Two fingerprints are equal when nothing was written.
/// The rate limits' counters are left out: counting a request is not something the request wrote.
/// </summary>
public static class DatabaseFingerprint
{
    private const string RateLimitCounters = "RateLimitCounters";

    /// <summary>Every table, except the named ones.</summary>
    public static Task<IReadOnlyDictionary<string, string>> OfDatabaseAsync(PortalFactory factory, IReadOnlyCollection<string>? except = null) =>
        ReadAsync(factory, tables => tables.Where(t => except?.Contains(t.Name, StringComparer.OrdinalIgnoreCase) != true)
            .ToDictionary(t => t.Name, t => (IEnumerable<Row>)t.Rows));

    /// <summary>
    /// What belongs to one collectivité: its own row, the rows of every table with its MunicipalityId, its
    /// staff's and its parents' accounts, and the rows of those accounts in every table with an AccountId or
    /// UserId column (sessions, roles, tokens, adhesion attempts…).
    /// </summary>
    public static Task<IReadOnlyDictionary<string, string>> OfMunicipalityAsync(PortalFactory factory, int municipalityId) =>
        ReadAsync(factory, tables =>
        {
            var id = municipalityId.ToString(CultureInfo.InvariantCulture);
            bool Mine(Row row, string column) => row.Values.TryGetValue(column, out var value) && value == id;
            var accounts = tables.SelectMany(t => t.Rows)
                .Where(r => Mine(r, "MunicipalityId") && r.Values.ContainsKey("AccountId"))
                .Select(r => r.Values["AccountId"])
                .Concat(tables.Single(t => t.Name == "AspNetUsers").Rows.Where(r => Mine(r, "StaffMunicipalityId")).Select(r => r.Values["Id"]))
                .ToHashSet(StringComparer.Ordinal);
            var scoped = new Dictionary<string, IEnumerable<Row>>();
            foreach (var table in tables)
            {
                var columns = table.Columns;
                Func<Row, bool>? keep = table.Name switch
                {
                    "Municipalities" => r => Mine(r, "Id"),
                    "AspNetUsers" => r => accounts.Contains(r.Values["Id"]),
                    _ when columns.Contains("MunicipalityId") => r => Mine(r, "MunicipalityId"),
                    _ when columns.Contains("AccountId") => r => accounts.Contains(r.Values["AccountId"]),
                    _ when columns.Contains("UserId") => r => accounts.Contains(r.Values["UserId"]),
                    _ => null,
                };
                if (keep is not null)
                {
                    scoped[table.Name] = table.Rows.Where(keep);
                }
            }
            return scoped;
        });

    /// <summary>The tables whose fingerprint changed, for a failure message.</summary>
    public static string Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t} ({before.GetValueOrDefault(t, "absent")} → {after.GetValueOrDefault(t, "absent")})");
        return string.Join(", ", changed);
    }

    private sealed record Row(IReadOnlyDictionary<string, string> Values);

    private sealed record Table(string Name, HashSet<string> Columns, List<Row> Rows);

    /// <summary>
    /// Every table, on a connection the caller keeps open, without the given columns of some tables.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OfDatabase(DbConnection connection, IReadOnlyDictionary<string, string[]>? ignoredColumns = null) =>
        ReadAsync(connection, tables => tables.ToDictionary(t => t.Name, t => ignoredColumns?.GetValueOrDefault(t.Name) is { } skipped
            ? t.Rows.Select(r => new Row(r.Values.Where(v => !skipped.Contains(v.Key, StringComparer.Ordinal)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)))
            : (IEnumerable<Row>)t.Rows)).GetAwaiter().GetResult();

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(PortalFactory factory, Func<List<Table>, Dictionary<string, IEnumerable<Row>>> select)
    {
        await using var connection = Connect(factory);
        await connection.OpenAsync();
        return await ReadAsync(connection, select);
    }

    public static string ConnectionString(PortalFactory factory) =>
        factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("FamilyPortal")!;

    /// <summary>A new connection (not open) to the portal's database, outside the portal's pool.</summary>
    public static DbConnection Connect(PortalFactory factory, bool readOnly = false) => TestDatabase.IsPostgreSql
        ? new NpgsqlConnection(ConnectionString(factory) + ";Pooling=False")
        : new SqliteConnection(ConnectionString(factory) + (readOnly ? ";Mode=ReadOnly" : "") + ";Pooling=False");

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(DbConnection connection, Func<List<Table>, Dictionary<string, IEnumerable<Row>>> select)
    {
        var postgreSql = connection is NpgsqlConnection;
        var tables = new List<Table>();
        foreach (var name in await ListAsync(connection, postgreSql
            // The catalog itself: information_schema's views cost a tenth of a second a table on a busy cluster.
            ? $"SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '{RateLimitCounters}' ORDER BY c.relname"
            : $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{RateLimitCounters}' ORDER BY name"))
        {
            var columns = (await ListAsync(connection, postgreSql
                ? $"SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = '{name}' AND a.attnum > 0 AND NOT a.attisdropped"
                : $"SELECT name FROM pragma_table_info('{name}')")).ToHashSet();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Row>();
            while (await reader.ReadAsync())
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[reader.GetName(i)] = reader.GetValue(i) switch
                    {
                        DBNull => "∅",
                        byte[] bytes => Convert.ToHexString(bytes),
                        var value => Convert.ToString(value, CultureInfo.InvariantCulture)!,
                    };
                }
                rows.Add(new Row(values));
            }
            tables.Add(new Table(name, columns, rows));
        }
        return select(tables).ToDictionary(t => t.Key, t => Checksum(t.Value));
    }

    private static string Checksum(IEnumerable<Row> rows)
    {
        var lines = rows.Select(r => string.Join('\u001F', r.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")))
            .Order(StringComparer.Ordinal).ToList();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001E', lines)));
        return $"{lines.Count} rows #{Convert.ToHexString(hash)[..12]}";
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
