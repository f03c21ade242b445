using System.Net;
using FamilyPortal.Tests.Features.Payments;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Memberships;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FamilyPortal.BrowserTests.Support;

/// <summary>
/// The real application on a real Kestrel socket (a browser cannot reach the in-memory TestServer), with its
/// own SQLite file built by the migrations, the demo data, its key ring's certificate, and mail written to its own folder.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string TestAdhesionCodeKey = "browser-tests-only-adhesion-code-key-0123456789";

    public PortalServer()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "familyportal-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkDirectory);
        // A port chosen before the start: the portal's public address (in its mails and in the addresses it gives
        // the payment service to come back to) must be the one the browser uses.
        _port = FreePort();
        // HTTPS as in production, so the __Host- cookies, HSTS and the redirection are the real ones.
        UseKestrel(o => o.Listen(IPAddress.Loopback, _port, listen => listen.UseHttps(LocalCertificate.Create())));
    }

    private readonly int _port;

    /// <summary>The PayFiP simulator, a process of its own (as DGFiP's service is another site); started with the portal.</summary>
    public PayFipSimulatorProcess? Simulator { get; private set; }

    public string WorkDirectory { get; }

    public string MailDirectory => Path.Combine(WorkDirectory, "mail");

    /// <summary>The certificate that encrypts the key ring, made for this server as an operator would provide one.</summary>
    private string CertificatePath
    {
        get
        {
            var path = Path.Combine(WorkDirectory, "protection-des-cles.pfx");
            if (!File.Exists(path))
            {
                FamilyPortal.Web.Infrastructure.DataProtectionSetup.CreateSelfSigned(path, password: null);
            }
            return path;
        }
    }

    /// <summary>Address of the running server, e.g. https://127.0.0.1:41234/; set by <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        Simulator = new PayFipSimulatorProcess();
        StartServer();
        // The demo collectivité, as Development creates it at start (outside Development, the portal itself
        // only creates it in demonstration mode, whose staff have their authenticator already enrolled).
        using (var scope = Services.CreateScope())
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
            if (demo.IsNeededAsync(CancellationToken.None).GetAwaiter().GetResult())
            {
                demo.SeedAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:FamilyPortal"] = $"Data Source={Path.Combine(WorkDirectory, "portal.db")}",
            ["Database:Provider"] = "Sqlite",
            ["DataProtection:CertificatePath"] = CertificatePath,
            [AdhesionCodeVault.KeySetting] = TestAdhesionCodeKey,
            ["Email:PickupDirectory"] = MailDirectory,
            ["Email:ShowMailbox"] = "true",
            ["Email:DispatcherEnabled"] = "true",
            ["App:LogDirectory"] = Path.Combine(WorkDirectory, "logs"),
            ["App:PublicBaseUrl"] = $"https://127.0.0.1:{_port.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            ["PayFip:ServiceUrl"] = Simulator?.ServiceUrl,
            ["PayFip:PaymentPageUrl"] = Simulator?.PaymentPageUrl,
            // The journeys sign in one person at a time; on a busy machine the password checks slow down and the
            // waiting room (tested on its own) would come between a click and the page a journey expects.
            ["SignIn:WaitingRoomAfterSeconds"] = "600",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>
    /// The portal's clock: it runs, but from Monday 16/11/2026 08:00 in Paris, so the journeys meet the same
    /// school term, deadlines and holidays whatever the day the suite runs.
    /// </summary>
    public ShiftedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.FromHours(1)));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Simulator?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held open for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A parent's account made directly with a known password, its email confirmed; returns its id.</summary>
    public async Task<string> CreateParentAsync(string identifiant, string password, string email, string household, string firstName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount
        {
            UserName = identifiant,
            Email = email,
            EmailConfirmed = true,
            HouseholdName = household,
            Civility = "Mme",
            LastName = household,
            FirstName = firstName,
        };
        var created = await users.CreateAsync(account, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return account.Id;
    }
}
