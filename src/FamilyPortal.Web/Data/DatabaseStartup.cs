using FamilyPortal.Web.Data.Demo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Data;

public static class DatabaseStartup
{
    public const string SeedDemoSwitch = "--seed-demo";

    /// <summary>
    /// Applies migrations (when configured), encrypts the Data Protection keys still stored in clear, makes sure
    /// the roles exist, and creates the demo data on an empty database: in Development, or in demonstration
    /// mode (App:DemoMode=true), which --seed-demo and Database:SeedDemo=true require outside Development.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        var demoAsked = args.Contains(SeedDemoSwitch, StringComparer.Ordinal)
            || app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemo;
        var demoMode = DemoMode.IsOn(app.Configuration);
        if (demoAsked && !app.Environment.IsDevelopment() && !demoMode)
        {
            throw new InvalidOperationException(
                "Les données de démonstration (--seed-demo ou Database:SeedDemo) ne sont créées qu'en développement : " +
                "elles ouvrent des comptes dont les mots de passe sont publiés. Pour une démonstration, indiquez aussi " +
                $"{DemoMode.Setting}=true (variable d'environnement App__DemoMode) ; en production, retirez --seed-demo.");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<FamilyPortalDbContext>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger(typeof(DatabaseStartup));
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

        // Before anything reads the key ring.
        var certificate = services.GetRequiredService<KeyRingCertificate>().Certificate;
        if (await DataProtectionSetup.EncryptClearKeysAsync(db, certificate, loggers, ct) is > 0 and var encrypted)
        {
            logger.LogWarning("{Count} clé(s) de protection des données stockée(s) en clair ont été chiffrées avec le certificat", encrypted);
        }

        if (await PortalUserStore.ProtectClearKeysAsync(db, services.GetRequiredService<IDataProtectionProvider>(), ct) is > 0 and var sealedKeys)
        {
            logger.LogWarning("{Count} clé(s) d'application d'authentification stockée(s) en clair ont été chiffrées", sealedKeys);
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Operator, Roles.Administrator, Roles.Agent })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var wantDemo = app.Environment.IsDevelopment() || demoMode || demoAsked;
        var demo = services.GetRequiredService<DemoData>();
        if (wantDemo && await demo.IsNeededAsync(ct))
        {
            await demo.SeedAsync(ct);
            logger.LogInformation("Données de démonstration créées : {Municipality}", DemoData.MunicipalityName);
        }
        // A public demonstration: the demo staff's authenticators are enrolled before anyone can reach the
        // sign-in page, so that no visitor enrols their own app first; their keys go to the start-up log.
        var keys = wantDemo && demoMode ? await demo.EnrolStaffAuthenticatorsAsync() : [];
        if (wantDemo)
        {
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                logger.LogInformation(
                    "Portail prêt sur {Urls} — comptes de démonstration : administrateur « {Admin} », opérateur « {Operator} », " +
                    "famille {Family} (code d'adhésion envoyé à {FamilyEmail}) ; mots de passe dans le README",
                    string.Join(", ", app.Urls), DemoData.AdministratorLogin, DemoData.OperatorLogin, "DUPOND", DemoData.FamilyEmail);
                foreach (var (login, key) in keys)
                {
                    logger.LogInformation(
                        "Mode démonstration — clé de l'application d'authentification du compte « {Login} » : {AuthenticatorKey} ({OtpAuthUri})",
                        login, SecondFactor.FormatKey(key), SecondFactor.OtpAuthUri(key, login));
                }
            });
        }
    }
}
