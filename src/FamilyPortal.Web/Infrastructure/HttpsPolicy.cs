namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// « App:RequireHttps » (default: on, except in Development): HTTPS redirection, HSTS, and cookies that are
/// Secure and __Host- prefixed. Only a demo on a plain-HTTP localhost (docker-compose) turns it off.
/// </summary>
public static class HttpsPolicy
{
    public const string Setting = "App:RequireHttps";

    public static bool IsRequired(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(Setting, !environment.IsDevelopment());

    /// <summary>The cookie name, prefixed with __Host- when cookies are HTTPS-only.</summary>
    public static string CookieName(string name, bool httpsRequired) => httpsRequired ? "__Host-" + name : name;

    public static CookieSecurePolicy CookiePolicy(bool httpsRequired) =>
        httpsRequired ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
