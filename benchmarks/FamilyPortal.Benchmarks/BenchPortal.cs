using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FamilyPortal.Benchmarks;

/// <summary>
/// The real portal, hosted in this process on its own SQLite file created by its own migrations, configured
/// as in production (environment, HTTPS, secure cookies) except for the captcha, the mail dispatcher, the
/// log level and the clock.
/// </summary>
internal sealed class BenchPortal(string folder, TimeProvider clock) : WebApplicationFactory<Program>
{
    public const string BaseAddress = "https://localhost";

    public string DatabasePath => Path.Combine(folder, "portal.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>The certificate of the key ring, beside the database: the load scenario's portal process uses it too.</summary>
    public string CertificatePath => Path.Combine(folder, "protection-des-cles.pfx");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (!File.Exists(CertificatePath))
        {
            DataProtectionSetup.CreateSelfSigned(CertificatePath, password: null);
        }
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:FamilyPortal"] = ConnectionString,
            ["Database:Provider"] = "Sqlite",
            ["DataProtection:CertificatePath"] = CertificatePath,
            [AdhesionCodeVault.KeySetting] = "benchmark-only-adhesion-code-key-0123456789abcdef",
            ["Captcha:Enabled"] = "false",
            ["Email:DispatcherEnabled"] = "false",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["App:PublicBaseUrl"] = BaseAddress,
            ["App:LogDirectory"] = Path.Combine(folder, "logs"),
            // One log line per request would bury the figures; warnings and errors still show.
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["RateLimits:connexion:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        });
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri(BaseAddress),
        HandleCookies = true,
    });
}
