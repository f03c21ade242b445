using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Security;

/// <summary>
/// What someone who took a copy of the database file, and nothing else, can read in it: the tests gather
/// the secrets the portal holds (a family's code d'adhésion, a signed-in browser's session id and cookie, a
/// staff member's authenticator key, the master keys of the Data Protection key ring), then look for each
/// one in every cell of every table and in the raw bytes of the file and its write-ahead log.
/// </summary>
[Trait("Database", "SqliteOnly")]
public class DatabaseCopyTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private sealed record Secrets(string AdhesionCode, string ProtectedCode, string SessionId, string Cookie, string AuthenticatorKey, IReadOnlyList<string> MasterKeys);

    private async Task<Secrets> GatherAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var signIn = await SignInAsync(PageClient.For(factory), identifiant, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("__Host-FamilyPortal.Auth=", StringComparison.Ordinal)).Split(';')[0].Split('=', 2)[1];
        // The session id travels inside the encrypted cookie: the portal's own ticket format opens it.
        var cookieOptions = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var sessionId = cookieOptions.TicketDataFormat.Unprotect(cookie)!.Principal.FindFirst("fp:sid")!.Value;

        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, staff);
        var authenticatorKey = StaffJourney.Keys[staff.Id].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var masterKeys = factory.Services.GetRequiredService<IKeyManager>().GetAllKeys()
            .Select(k => k.Descriptor.ExportToXml().SerializedDescriptorElement.Descendants("masterKey").Single().Element("value")!.Value)
            .ToList();
        Assert.NotEmpty(masterKeys);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var protectedCode = await db.Families.IgnoreQueryFilters().Where(f => f.Id == tenant.FamilyId).Select(f => f.AdhesionCodeProtected).SingleAsync();
        return new Secrets(tenant.AdhesionCode, protectedCode, sessionId, cookie, authenticatorKey, masterKeys);
    }

    private string DatabaseFile => Path.Combine(factory.WorkDirectory, "portal.db");

    /// <summary>Every cell of every table, as text, read through SQLite from the file (and its log).</summary>
    private string ReadEveryTable()
    {
        using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        Assert.Contains("DataProtectionKeys", tables);
        Assert.Contains("AccountSessions", tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    text.Append(value is byte[] bytes ? Encoding.Latin1.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }
        return text.ToString();
    }

    /// <summary>The raw bytes of the file and of its write-ahead log: deleted rows and free pages included.</summary>
    private string ReadRawFiles() =>
        string.Concat(new[] { DatabaseFile, DatabaseFile + "-wal" }.Where(File.Exists).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Encoding.Latin1.GetString(buffer.ToArray());
        }));

    [Fact]
    public async Task No_adhesion_code_session_id_authenticator_key_or_data_protection_key_can_be_read_in_the_database_file()
    {
        var secrets = await GatherAsync();

        var tables = ReadEveryTable();
        var raw = ReadRawFiles();

        foreach (var (what, secret) in new[]
        {
            ("code d'adhésion", secrets.AdhesionCode), ("session id", secrets.SessionId), ("auth cookie", secrets.Cookie),
            ("authenticator key", secrets.AuthenticatorKey),
        }.Concat(secrets.MasterKeys.Select(k => ("Data Protection master key", k))))
        {
            Assert.False(tables.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a {what} is readable in a table");
            Assert.False(raw.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a {what} is readable in the file's bytes");
        }
    }

    [Fact]
    public async Task Every_key_of_the_key_ring_is_stored_encrypted()
    {
        await GatherAsync();

        await using var scope = factory.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var xml = XElement.Parse(row.Xml!);
            Assert.Empty(xml.Descendants("masterKey"));
            Assert.Single(xml.Descendants(XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection")));
            Assert.Contains("EncryptedData", row.Xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_copy_of_the_database_cannot_open_the_adhesion_code_envelopes()
    {
        var secrets = await GatherAsync();
        var copy = Path.Combine(factory.WorkDirectory, "copie.db");
        using (var source = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        // Whoever holds the copy runs Data Protection on it with the portal's application name, as the portal does.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<TenantContext>();
        services.AddDbContext<SqliteFamilyPortalDbContext>(o => o.UseSqlite($"Data Source={copy};Pooling=False"));
        services.AddDataProtection().SetApplicationName("FamilyPortal").PersistKeysToDbContext<SqliteFamilyPortalDbContext>();
        await using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("FamilyPortal.AdhesionCode.v1");

        string? revealed = null;
        try
        {
            revealed = protector.Unprotect(secrets.ProtectedCode);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // What the copy must give: the key that sealed the envelope cannot be decrypted without the certificate.
        }

        Assert.Null(revealed);
    }
}
