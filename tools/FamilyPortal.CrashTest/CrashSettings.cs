using System.Globalization;

namespace FamilyPortal.CrashTest;

/// <summary>The options of a run and the portal's settings derived from them.</summary>
internal sealed class CrashSettings
{
    public const string Usage = """
        FamilyPortal.CrashTest --portal PATH/FamilyPortal.Web.dll [--cycles 10] [--parents 24] [--capacity 6] [--folder DIR] [--seed N] [--warm-up 20]
          --portal    the portal built in Release, run as a process of its own
          --cycles    how many times the portal is killed with SIGKILL and started again
          --parents   parents booking at once (one child each, one canteen activity)
          --capacity  places per day of the activity: small, so that parents compete for the last ones
          --folder    where the database, logs and mail go (default: a new temporary folder, kept)
          --seed      seed of the random choices (kill moments, days picked), to replay a run
          --warm-up   seconds of load before the first kill (default 20)
        """;

    public required string PortalDll { get; init; }
    public int Cycles { get; init; } = 10;
    public int Parents { get; init; } = 24;
    public int Capacity { get; init; } = 6;
    public required string Folder { get; init; }
    public int Seed { get; init; } = Environment.TickCount;
    public int Port { get; init; }
    public int WarmUpSeconds { get; init; } = 20;

    public string DatabaseFile => Path.Combine(Folder, "portal.db");

    /// <summary>The certificate of the key ring, made by the seeding step and read by every start of the portal.</summary>
    public string CertificateFile => Path.Combine(Folder, "protection-des-cles.pfx");

    public string BaseAddress => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Production, plain HTTP on the loopback, no captcha, limits raised for one client address.</summary>
    public IReadOnlyDictionary<string, string> PortalSettings => new Dictionary<string, string>
    {
        ["ConnectionStrings:FamilyPortal"] = $"Data Source={DatabaseFile}",
        ["Database:Provider"] = "Sqlite",
        ["DataProtection:CertificatePath"] = CertificateFile,
        ["Security:AdhesionCodeKey"] = "crash-test-only-adhesion-code-key-0123456789abcdef",
        ["Captcha:Enabled"] = "false",
        ["App:RequireHttps"] = "false",
        ["App:PublicBaseUrl"] = BaseAddress,
        ["Email:PickupDirectory"] = Path.Combine(Folder, "mail"),
        ["App:LogDirectory"] = Path.Combine(Folder, "logs"),
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["RateLimits:connexion:PermitLimit"] = "100000",
        ["RateLimits:inscription:PermitLimit"] = "100000",
        ["RateLimits:inscription-affichage:PermitLimit"] = "100000",
        ["AllowedHosts"] = "*",
    };

    public static CrashSettings Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var portal = Value("--portal") ?? throw new ArgumentException("--portal is required.\n" + Usage);
        if (!File.Exists(portal))
        {
            throw new ArgumentException($"No portal at {portal}: build it first (dotnet build -c Release).");
        }
        var folder = Value("--folder") ?? Directory.CreateTempSubdirectory("familyportal-crash-").FullName;
        Directory.CreateDirectory(folder);
        return new CrashSettings
        {
            PortalDll = Path.GetFullPath(portal),
            Cycles = Number("--cycles", 10),
            Parents = Number("--parents", 24),
            Capacity = Number("--capacity", 6),
            Folder = Path.GetFullPath(folder),
            Seed = Number("--seed", Environment.TickCount & 0xFFFF),
            WarmUpSeconds = Number("--warm-up", 20),
            Port = FreePort(),
        };
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
