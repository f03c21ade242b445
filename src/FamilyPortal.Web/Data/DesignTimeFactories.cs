using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FamilyPortal.Web.Data;

/// <summary>Lets `dotnet ef` build the SQLite context without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFamilyPortalDbContext>
{
    public SqliteFamilyPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFamilyPortalDbContext>()
            .UseSqlite(DatabaseOptions.DefaultSqliteConnection).Options, new TenantContext());
}

/// <summary>Lets `dotnet ef` build the SQL Server context without a server: no connection is opened.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerFamilyPortalDbContext>
{
    public SqlServerFamilyPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerFamilyPortalDbContext>()
            .UseSqlServer("Server=localhost;Database=FamilyPortal;Trusted_Connection=False;TrustServerCertificate=True").Options,
            new TenantContext());
}

/// <summary>Lets `dotnet ef` build the PostgreSQL context without a server: no connection is opened.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlFamilyPortalDbContext>
{
    public PostgreSqlFamilyPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlFamilyPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=familyportal").Options,
            new TenantContext());
}
