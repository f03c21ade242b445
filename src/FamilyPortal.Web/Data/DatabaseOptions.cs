namespace FamilyPortal.Web.Data;

/// <summary>Configuration section « Database ».</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "FamilyPortal";
    public const string DefaultSqliteConnection = "Data Source=data/familyportal.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Apply pending migrations when the application starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Create the demo data on an empty database, like the --seed-demo switch (hosts that cannot pass arguments).</summary>
    public bool SeedDemo { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
