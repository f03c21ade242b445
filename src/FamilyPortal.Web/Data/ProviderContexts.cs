using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data;

/// <summary>The SQLite flavour: same model, its own migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteFamilyPortalDbContext(DbContextOptions<SqliteFamilyPortalDbContext> options, TenantContext tenant)
    : FamilyPortalDbContext(options, tenant);

/// <summary>The SQL Server flavour: same model, its own migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerFamilyPortalDbContext(DbContextOptions<SqlServerFamilyPortalDbContext> options, TenantContext tenant)
    : FamilyPortalDbContext(options, tenant);
