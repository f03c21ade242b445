using FamilyPortal.Web.Infrastructure.Observability;
using FamilyPortal.Web.Infrastructure.ReferenceData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data;

public static class DataRegistration
{
    /// <summary>Registers the DbContext of the configured provider under <see cref="FamilyPortalDbContext"/>.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddScoped<Demo.DemoData>();

        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        var measured = ServerTiming.IsEnabled(configuration);
        DbContextOptionsBuilder Measured(DbContextOptionsBuilder o) => measured ? o.AddInterceptors(RequestCostInterceptor.Instance) : o;
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql when string.IsNullOrWhiteSpace(connectionString):
                throw new InvalidOperationException($"ConnectionStrings:FamilyPortal is required with the {options.Provider} provider.");
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<FamilyPortalDbContext, PostgreSqlFamilyPortalDbContext>((sp, o) =>
                    Measured(o).UseNpgsql(connectionString, pg => pg.EnableRetryOnFailure().UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                        .AddInterceptors(CaseInsensitiveLike.Instance, sp.GetRequiredService<JournalInterceptor>(), ReferenceDataStampInterceptor.Instance));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<FamilyPortalDbContext, SqlServerFamilyPortalDbContext>((sp, o) =>
                    Measured(o).UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()).AddInterceptors(sp.GetRequiredService<JournalInterceptor>(), ReferenceDataStampInterceptor.Instance));
                break;
            default:
                var sqlite = SqliteConnectionFor(connectionString ?? DatabaseOptions.DefaultSqliteConnection, environment.ContentRootPath);
                services.AddSingleton<SqliteWriteGate>();
                services.AddDbContext<FamilyPortalDbContext, SqliteFamilyPortalDbContext>((sp, o) =>
                    Measured(o).UseSqlite(sqlite, lite => lite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(sp.GetRequiredService<SqliteWriteGate>(), sp.GetRequiredService<JournalInterceptor>(), ReferenceDataStampInterceptor.Instance));
                break;
        }
        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    public static string SqliteConnectionFor(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.Pooling = true;
        // How long a command waits for a lock held by another connection before giving up (busy timeout);
        // Microsoft.Data.Sqlite's default is 30 s, a connection string may set « Default Timeout ».
        if (!connectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = 30;
        }
        return builder.ToString();
    }
}
