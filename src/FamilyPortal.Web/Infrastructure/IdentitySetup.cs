using FamilyPortal.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Infrastructure;

public static class IdentitySetup
{
    /// <summary>OWASP's 2023 floor for PBKDF2-HMAC-SHA256 is 600,000; the product floor is 210,000.</summary>
    public const int PasswordHashIterations = 210_000;

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<PortalAccount, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<FamilyPortalDbContext>()
            .AddDefaultTokenProviders();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);

        // Keys in the database: every web instance behind the load balancer reads the same cookies and tokens.
        services.AddDataProtection()
            .SetApplicationName("FamilyPortal")
            .PersistKeysToDbContext<FamilyPortalDbContext>();

        services.AddSingleton<AdhesionCodeVault>();
        services.AddScoped<DemoData>();
        return services;
    }
}
