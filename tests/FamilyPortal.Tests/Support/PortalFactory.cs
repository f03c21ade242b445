using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// The real application on its own database built by the migrations (a SQLite file, or a PostgreSQL database: see <see cref="TestDatabase"/>), with a fake clock and mail
/// written to its own folder. Extra settings (an SMTP server, for instance) come through the constructor.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string TestAdhesionCodeKey = "tests-only-adhesion-code-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;

    public PortalFactory() : this(new Dictionary<string, string?>()) { }

    protected PortalFactory(IDictionary<string, string?> settings)
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "familyportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkDirectory);
        LogDirectory = Path.Combine(TestRun.LogRoot, Path.GetFileName(WorkDirectory));
        Interlocked.Increment(ref _running);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:FamilyPortal"] = TestDatabase.IsPostgreSql
                ? _postgreSqlDatabase = TestDatabase.CreatePostgreSql()
                : $"Data Source={Path.Combine(WorkDirectory, "portal.db")}",
            ["Database:Provider"] = TestDatabase.Provider,
            [AdhesionCodeVault.KeySetting] = TestAdhesionCodeKey,
            ["Email:PickupDirectory"] = Path.Combine(WorkDirectory, "mail"),
            ["Email:DispatcherEnabled"] = "false",
            ["Jobs:Enabled"] = "false",
            // The key ring is encrypted with a certificate outside the database, as in production.
            ["DataProtection:CertificatePath"] = TestCertificate.WriteTo(WorkDirectory),
            ["DataProtection:CertificatePassword"] = TestCertificate.Password,
            ["App:PublicBaseUrl"] = "https://portail.exemple.test",
            // All tests share one client address: the limits are raised here and tested with their own factory.
            ["RateLimits:connexion:PermitLimit"] = "100000",
            ["RateLimits:inscription:PermitLimit"] = "100000",
            ["RateLimits:inscription-affichage:PermitLimit"] = "100000",
            ["RateLimits:recuperation:PermitLimit"] = "100000",
            ["RateLimits:captcha:PermitLimit"] = "100000",
            ["RateLimits:adhesion:PermitLimit"] = "100000",
            ["RateLimits:paiement-en-ligne:PermitLimit"] = "100000",
            // The waiting room only where a test asks for it (WaitingRoomTests): a busy test machine slows the hashes.
            ["SignIn:WaitingRoomAfterSeconds"] = "600",
            // Outside the work directory: the logs outlive the portal until LogSecretsTests has read them.
            ["App:LogDirectory"] = LogDirectory,
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>A portal with extra settings, for a test that owns it (a class fixture needs one public constructor).</summary>
    public static PortalFactory With(IDictionary<string, string?> settings) => new Configured(settings);

    private sealed class Configured(IDictionary<string, string?> settings) : PortalFactory(settings);

    private readonly string? _postgreSqlDatabase;

    private static int _running;
    private int _stopped;

    /// <summary>Portals made and not disposed yet: none once every test has finished.</summary>
    public static int Running => Volatile.Read(ref _running);

    public string WorkDirectory { get; }

    /// <summary>This portal's log files.</summary>
    public string LogDirectory { get; }

    /// <summary>Starts at a Monday morning of a school term, Paris time.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.FromHours(1)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, TestClientAddress>();
            services.AddTransient<IStartupFilter, SecretRecorder>();
        });
    }

    /// <summary>A scope on the application's services, with its own DbContext.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> on a fresh context inside one collectivité, as its staff would see it.</summary>
    public async Task<T> InTenantAsync<T>(int municipalityId, Func<FamilyPortalDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        return await work(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            Interlocked.Decrement(ref _running);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgreSqlDatabase is not null)
            {
                TestDatabase.DropPostgreSql(_postgreSqlDatabase);
            }
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be held open for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
