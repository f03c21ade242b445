using System.Data.Common;
using Npgsql;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// Watches a portal's database through a long sweep of submissions. SQLite's data_version (PostgreSQL: the next
/// transaction id, taken by every writer) tells cheaply whether anyone wrote since the last look, so the fingerprint is only read again when something was written.
/// </summary>
public sealed class DatabaseWatch : IDisposable
{
    /// <summary>What a refused submission may write, on purpose. Anything else written by a refusal is a fault.</summary>
    public static readonly IReadOnlyDictionary<string, string> Ignored = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Every wrong code d'adhésion is counted: it is the brute-force limit.
        ["AdhesionAttempts"] = "tentatives de code d'adhésion comptées (limite anti-force brute)",
        // The key ring of ASP.NET Data Protection is written the first time it is needed.
        ["DataProtectionKeys"] = "clés de protection des données créées à la première utilisation",
    };

    /// <summary>Columns a refused submission may change, on purpose, the rest of their table being checked.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> IgnoredColumns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // A wrong password typed in « Mon compte » counts towards the lockout, as at the sign-in (Identity renews
        // the concurrency stamp when it saves the count).
        ["AspNetUsers"] = ["AccessFailedCount", "LockoutEnd", "ConcurrencyStamp"],
    };

    private readonly DbConnection _connection;
    private long _version;

    public DatabaseWatch(PortalFactory factory)
    {
        _connection = DatabaseFingerprint.Connect(factory, readOnly: true);
        _connection.Open();
        _version = DataVersion();
        Current = DatabaseFingerprint.OfDatabase(_connection, IgnoredColumns);
    }

    /// <summary>Table → « N rows #checksum » as last read.</summary>
    public IReadOnlyDictionary<string, string> Current { get; private set; }

    /// <summary>Whether anyone committed since the last call.</summary>
    public bool Changed()
    {
        var version = DataVersion();
        var changed = version != _version;
        _version = version;
        return changed;
    }

    /// <summary>Reads the fingerprint again and names the tables that differ from the previous one.</summary>
    public IReadOnlyList<string> Refresh()
    {
        var next = DatabaseFingerprint.OfDatabase(_connection, IgnoredColumns);
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
        command.CommandText = _connection is NpgsqlConnection
            ? "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint;"
            : "PRAGMA data_version;";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _connection.Dispose();
}
