using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace FamilyPortal.Tests.Security;

/// <summary>
/// The certificate that encrypts the Data Protection key ring: required outside Development, made by
/// Development itself, and applied at start-up to keys an older portal had written in clear.
/// </summary>
public sealed class KeyRingCertificateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "familyportal-tests", "cert-" + Guid.NewGuid().ToString("N"));

    public KeyRingCertificateTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private HostingEnvironment Environment(string name) => new() { EnvironmentName = name, ContentRootPath = _folder };

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_a_missing_certificate_stops_the_start_with_a_french_message_saying_what_to_set(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataProtectionSetup.LoadCertificate(Settings(), Environment(environment)));

        Assert.StartsWith("Le certificat qui chiffre les clés de protection des données n'est pas configuré.", error.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection__CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePassword", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void Outside_development_a_missing_file_or_a_wrong_password_is_named()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => DataProtectionSetup.LoadCertificate(
            Settings(("DataProtection:CertificatePath", "absent.pfx")), Environment("Production")));
        Assert.Contains("introuvable", missing.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_folder, "absent.pfx"), missing.Message, StringComparison.Ordinal);

        File.WriteAllBytes(Path.Combine(_folder, "cles.pfx"), TestCertificate.Create("CN=test", "bon mot de passe"));
        var wrong = Assert.Throws<InvalidOperationException>(() => DataProtectionSetup.LoadCertificate(
            Settings(("DataProtection:CertificatePath", "cles.pfx"), ("DataProtection:CertificatePassword", "mauvais")), Environment("Production")));
        Assert.Contains("DataProtection:CertificatePassword", wrong.Message, StringComparison.Ordinal);

        using var right = DataProtectionSetup.LoadCertificate(
            Settings(("DataProtection:CertificatePath", "cles.pfx"), ("DataProtection:CertificatePassword", "bon mot de passe")), Environment("Production"));
        Assert.True(right.HasPrivateKey);
    }

    [Fact]
    public void Development_makes_its_own_certificate_under_data_once_and_keeps_it()
    {
        using var first = DataProtectionSetup.LoadCertificate(Settings(), Environment("Development"));
        using var second = DataProtectionSetup.LoadCertificate(Settings(), Environment("Development"));

        var file = Path.Combine(_folder, "data", "protection-des-cles.pfx");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        Assert.True(first.HasPrivateKey);
        Assert.Equal(first.Thumbprint, second.Thumbprint);
    }

    [Fact]
    public void The_demonstration_mode_makes_its_certificate_where_it_is_told()
    {
        using var certificate = DataProtectionSetup.LoadCertificate(
            Settings(("App:DemoMode", "true"), ("DataProtection:CertificatePath", "volume/cles.pfx")), Environment("Production"));

        Assert.True(File.Exists(Path.Combine(_folder, "volume", "cles.pfx")));
    }

    [Fact]
    public async Task The_portal_in_production_without_a_certificate_does_not_start()
    {
        using var portal = new PortalFactory();
        await using var production = portal.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("DataProtection:CertificatePath", ""));

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Keys_and_authenticator_keys_written_in_clear_by_an_older_portal_are_encrypted_at_start_and_still_work()
    {
        using var portal = new PortalFactory();
        var database = $"Data Source={Path.Combine(portal.WorkDirectory, "portal.db")};Pooling=False";
        const string code = "ABCDEFGHJK";
        const string authenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        string sealedCode;
        string accountId;
        // What an older portal left: its key ring in clear, a code sealed with it, a staff member's key in clear.
        await using (var old = OlderPortal(database))
        {
            await using var scope = old.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SqliteFamilyPortalDbContext>();
            await db.Database.MigrateAsync();
            sealedCode = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("FamilyPortal.AdhesionCode.v1").Protect(code);
            var account = new PortalAccount { UserName = "ancien.agent", NormalizedUserName = "ANCIEN.AGENT", SecurityStamp = "s", ConcurrencyStamp = "c" };
            db.Users.Add(account);
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = account.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = authenticatorKey });
            await db.SaveChangesAsync();
            accountId = account.Id;
            Assert.Contains("<masterKey", (await db.DataProtectionKeys.SingleAsync()).Xml, StringComparison.Ordinal);
        }

        await using var scopeOfPortal = portal.Scope();
        var services = scopeOfPortal.ServiceProvider;
        var portalDb = services.GetRequiredService<FamilyPortalDbContext>();

        var xml = XElement.Parse((await portalDb.DataProtectionKeys.AsNoTracking().SingleAsync()).Xml!);
        Assert.Empty(xml.Descendants("masterKey"));
        Assert.Single(xml.Descendants(XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection")));
        Assert.Equal(code, services.GetRequiredService<AdhesionCodeVault>().Reveal(sealedCode));
        var stored = await portalDb.UserTokens.AsNoTracking().Where(t => t.UserId == accountId).Select(t => t.Value).SingleAsync();
        Assert.StartsWith(PortalUserStore.EnvelopePrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(authenticatorKey, stored, StringComparison.Ordinal);
        var users = services.GetRequiredService<UserManager<PortalAccount>>();
        Assert.Equal(authenticatorKey, await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(accountId))!));
    }

    private static ServiceProvider OlderPortal(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<TenantContext>();
        services.AddDbContext<SqliteFamilyPortalDbContext>(o => o.UseSqlite(connectionString));
        services.AddDataProtection().SetApplicationName("FamilyPortal").PersistKeysToDbContext<SqliteFamilyPortalDbContext>();
        return services.BuildServiceProvider();
    }
}
