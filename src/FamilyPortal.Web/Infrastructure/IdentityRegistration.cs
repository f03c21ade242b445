using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Infrastructure;

public static class IdentityRegistration
{
    /// <summary>OWASP's 2023 floor for PBKDF2-HMAC-SHA256 is 600,000; the product floor is 210,000.</summary>
    public const int PasswordHashIterations = 210_000;

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
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
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<FamilyPortalDbContext>()
            .AddUserStore<PortalUserStore>()
            .AddUserManager<PortalUserManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName)
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);
        var https = HttpsPolicy.IsRequired(configuration, environment);
        services.ConfigureApplicationCookie(o => ConfigureAuthCookie(o, https));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = HttpsPolicy.CookieName("FamilyPortal.SecondFactor", https);
            o.Cookie.SecurePolicy = HttpsPolicy.CookiePolicy(https);
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = HttpsPolicy.CookieName("FamilyPortal.Antiforgery", https);
            o.Cookie.SecurePolicy = HttpsPolicy.CookiePolicy(https);
        });
        // The flash messages carried across a redirect: the same rules as the other cookies.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = HttpsPolicy.CookieName("FamilyPortal.TempData", https);
            o.Cookie.SecurePolicy = HttpsPolicy.CookiePolicy(https);
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
        });
        services.AddHttpContextAccessor();

        // Keys in the database, encrypted with a certificate kept outside it: every web instance behind the
        // load balancer reads the same cookies and tokens, and a copy of the database opens none of them.
        services.AddPortalDataProtection(configuration, environment);
        return services;
    }

    private static void ConfigureAuthCookie(CookieAuthenticationOptions cookie, bool httpsRequired)
    {
        // __Host- binds the cookie to this exact host over HTTPS; plain HTTP is only for a developer's machine.
        cookie.Cookie.Name = HttpsPolicy.CookieName("FamilyPortal.Auth", httpsRequired);
        cookie.Cookie.SecurePolicy = HttpsPolicy.CookiePolicy(httpsRequired);
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.Path = "/";
        cookie.ExpireTimeSpan = AccountSessions.IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/connexion";
        cookie.LogoutPath = "/deconnexion";
        cookie.AccessDeniedPath = "/Erreur";
        cookie.ReturnUrlParameter = "retour";
        cookie.Events.OnValidatePrincipal = AccountSessions.ValidatePrincipalAsync;
        // A signed-in account without the right (a parent on /admin, an agent on the staff page) gets a 403, not a redirect.
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
