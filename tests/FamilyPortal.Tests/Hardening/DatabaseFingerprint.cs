using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// Row counts and a checksum of every table of a portal's SQLite file, read on a connection of its own.
/// SQLite's data_version tells cheaply whether anyone committed since the last look, so the checksum is only
/// computed when something was written.
/// </summary>
public sealed class DatabaseFingerprint : IDisposable
{
    /// <summary>
    /// What a refused submission may write, on purpose. Anything else written by a refusal is a fault.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Ignored = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Every wrong code d'adhésion is counted: it is the brute-force limit.
        ["AdhesionAttempts"] = "tentatives de code d'adhésion comptées (limite anti-force brute)",
        // The key ring of ASP.NET Data Protection is written the first time it is needed.
        ["DataProtectionKeys"] = "clés de protection des données créées à la première utilisation",
    };

    /// <summary>
    /// Columns a refused submission may change, on purpose, the rest of their table being checked.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> IgnoredColumns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // A wrong password typed in « Mon compte » counts towards the lockout, as at the sign-in (Identity renews
        // the concurrency stamp when it saves the count).
        ["AspNetUsers"] = ["AccessFailedCount", "LockoutEnd", "ConcurrencyStamp"],
    };

    private readonly SqliteConnection _connection;
    private long _version;

    public DatabaseFingerprint(PortalFactory factory)
    {
        _connection = new SqliteConnection($"Data Source={Path.Combine(factory.WorkDirectory, "portal.db")};Mode=ReadOnly;Pooling=False");
        _connection.Open();
        _version = DataVersion();
        Current = Compute();
    }

    /// <summary>Table → « rows:checksum » as last computed.</summary>
    public IReadOnlyDictionary<string, string> Current { get; private set; }

    /// <summary>Whether anyone committed since the last call.</summary>
    public bool Changed()
    {
        var version = DataVersion();
        var changed = version != _version;
        _version = version;
        return changed;
    }

    /// <summary>Computes the fingerprint again and names the tables that differ from the previous one.</summary>
    public IReadOnlyList<string> Refresh()
    {
        var next = Compute();
        var differing = next.Keys.Union(Current.Keys)
            .Where(t => !Ignored.ContainsKey(t) && next.GetValueOrDefault(t) != Current.GetValueOrDefault(t))
            .Order(StringComparer.Ordinal)
            .ToList();
        Current = next;
        return differing;
    }

    private long DataVersion()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return (long)command.ExecuteScalar()!;
    }

    private Dictionary<string, string> Compute()
    {
        var tables = new List<string>();
        using (var list = _connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var transaction = _connection.BeginTransaction();
        foreach (var table in tables)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var skipped = IgnoredColumns.GetValueOrDefault(table) ?? [];
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (skipped.Contains(reader.GetName(i), StringComparer.Ordinal))
                    {
                        continue;
                    }
                    var value = reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) is string s ? s : "";
                    hash.AppendData(Encoding.UTF8.GetBytes(value));
                    hash.AppendData([0x1F]);
                }
                hash.AppendData([0x1E]);
            }
            result[table] = $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }
        transaction.Commit();
        return result;
    }

    public void Dispose() => _connection.Dispose();
}
