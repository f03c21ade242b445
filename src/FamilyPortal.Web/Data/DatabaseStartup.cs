using FamilyPortal.Web.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Data;

public static class DatabaseStartup
{
    public const string SeedDemoSwitch = "--seed-demo";

    /// <summary>
    /// Applies migrations (when configured), makes sure the roles exist, and creates the demo data on an
    /// empty database in Development, when started with --seed-demo or with Database:SeedDemo=true.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<FamilyPortalDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var ct = app.Lifetime.ApplicationStopping;

        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while one writer commits: the grid stays readable during the rush.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Operator, Roles.Administrator, Roles.Agent })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var wantDemo = app.Environment.IsDevelopment() || options.SeedDemo || args.Contains(SeedDemoSwitch, StringComparer.Ordinal);
        var demo = services.GetRequiredService<DemoData>();
        if (wantDemo && await demo.IsNeededAsync(ct))
        {
            await demo.SeedAsync(ct);
            logger.LogInformation("Données de démonstration créées : {Municipality}", DemoData.MunicipalityName);
        }
        if (wantDemo)
        {
            app.Lifetime.ApplicationStarted.Register(() => logger.LogInformation(
                "Portail prêt sur {Urls} — comptes de démonstration : administrateur « {Admin} », opérateur « {Operator} », " +
                "famille {Family} (code d'adhésion envoyé à {FamilyEmail}) ; mots de passe dans le README",
                string.Join(", ", app.Urls), DemoData.AdministratorLogin, DemoData.OperatorLogin, "DUPOND", DemoData.FamilyEmail));
        }
    }
}
