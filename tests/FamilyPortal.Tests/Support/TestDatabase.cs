using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// The database the test portals run on: SQLite files by default; PostgreSQL when FAMILYPORTAL_TEST_DATABASE is
/// « postgresql », on the server FAMILYPORTAL_TEST_POSTGRESQL points at (scripts/postgres-cluster.sh starts one).
/// On PostgreSQL the migrations run once, into a template database, and each portal gets its own copy of it,
/// dropped when the portal is disposed.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "FAMILYPORTAL_TEST_DATABASE";
    public const string ServerVariable = "FAMILYPORTAL_TEST_POSTGRESQL";

    public static bool IsPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of Database:Provider for the test portals.</summary>
    public static string Provider => IsPostgreSql ? "PostgreSql" : "Sqlite";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copying a template needs it alone: one copy at a time.</summary>
    private static readonly Lock Copying = new();

    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ServerVariable} must hold the connection string of a PostgreSQL server (see scripts/postgres-cluster.sh).");

    /// <summary>A new database migrated to the current model; returns its connection string.</summary>
    public static string CreatePostgreSql()
    {
        var name = $"fp_{Guid.NewGuid():N}";
        var template = Template.Value;
        lock (Copying)
        {
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        return ConnectionTo(name);
    }

    public static void DropPostgreSql(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        var name = $"fp_template_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
        Execute($"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The server may already be stopping: it is thrown away with its data.
            }
        };
        var connectionString = ConnectionTo(name);
        using (var db = new PostgreSqlFamilyPortalDbContext(
            new DbContextOptionsBuilder<PostgreSqlFamilyPortalDbContext>().UseNpgsql(connectionString).Options, new TenantContext()))
        {
            db.Database.Migrate();
        }
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        return name;
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
