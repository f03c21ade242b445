using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FamilyPortal.Tests.Data;

public class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The SQLite migrations lag the model: add a migration for both providers (see README).");
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The SQL Server migrations lag the model: add a migration for both providers (see README).");
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The PostgreSQL migrations lag the model: add a migration for the three providers (see README).");
    }

    /// <summary>
    /// PostgreSQL's set starts with a baseline of the whole model as it stood when it was added; every later
    /// migration of the other providers has its PostgreSQL twin.
    /// </summary>
    [Fact]
    public void PostgreSql_has_every_migration_made_after_its_baseline()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        var pg = postgreSql.Database.GetMigrations().ToList();
        Assert.EndsWith("_PostgreSqlBaseline", pg[0], StringComparison.Ordinal);
        var baseline = pg[0][..pg[0].IndexOf('_', StringComparison.Ordinal)];
        var later = sqlite.Database.GetMigrations()
            .Where(id => string.CompareOrdinal(id, baseline) > 0)
            .Select(Name);
        Assert.Equal(later, pg.Skip(1).Select(Name));
    }

    private static string Name(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) =>
            db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
        Assert.NotEmpty(Names(sqlite));
    }

    [Fact]
    public void SqlServer_idempotent_script_generates_without_a_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Families]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }
}
