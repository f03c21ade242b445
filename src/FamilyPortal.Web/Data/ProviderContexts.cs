using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data;

/// <summary>The SQLite flavour: same model, its own migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteFamilyPortalDbContext(DbContextOptions<SqliteFamilyPortalDbContext> options, TenantContext tenant)
    : FamilyPortalDbContext(options, tenant);

/// <summary>The SQL Server flavour: same model, its own migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerFamilyPortalDbContext(DbContextOptions<SqlServerFamilyPortalDbContext> options, TenantContext tenant)
    : FamilyPortalDbContext(options, tenant);

/// <summary>
/// The PostgreSQL flavour: same model, its own migrations in Data/Migrations/PostgreSql. The model's few SQL
/// fragments (filtered indexes) are written with SQL Server's brackets, which PostgreSQL reads as double quotes.
/// </summary>
public sealed class PostgreSqlFamilyPortalDbContext(DbContextOptions<PostgreSqlFamilyPortalDbContext> options, TenantContext tenant)
    : FamilyPortalDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Columns named …Utc hold UTC instants (timestamptz); a value built without its kind is still UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // timestamptz only takes offset zero: an instant with another offset is the same instant in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var index in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredIndexes()))
        {
            if (index.GetFilter() is { } filter)
            {
                index.SetFilter(filter.Replace('[', '"').Replace(']', '"'));
            }
        }
    }
}
