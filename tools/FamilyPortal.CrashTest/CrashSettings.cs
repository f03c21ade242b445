using System.Globalization;

namespace FamilyPortal.CrashTest;

/// <summary>The options of a run and the portal's settings derived from them.</summary>
internal sealed class CrashSettings
{
    public const string Usage = """
        FamilyPortal.CrashTest --portal PATH/FamilyPortal.Web.dll [--cycles 10] [--parents 24] [--capacity 6] [--folder DIR] [--seed N] [--warm-up 20]
                               [--postgresql CONNECTION_STRING] [--nodes 1 --load-balancer PATH/load-balancer.sh] [--think 0]
          --portal    the portal built in Release, run as a process of its own
          --cycles    how many times the portal is killed with SIGKILL and started again
          --parents   parents booking at once (one child each, one canteen activity)
          --capacity  places per day of the activity: small, so that parents compete for the last ones
          --folder    where the database, logs and mail go (default: a new temporary folder, kept)
          --seed      seed of the random choices (kill moments, days picked), to replay a run
          --warm-up   seconds of load before the first kill (default 20)
          --postgresql  the portal's database on that PostgreSQL server instead of a SQLite file in the folder
          --nodes     portal servers sharing the database behind the load balancer (more than one needs PostgreSQL);
                      each kill takes one of them, chosen at random, while the others go on answering
          --load-balancer  the script that starts HAProxy in front of the servers (scripts/load-balancer.sh)
          --think     milliseconds a parent pauses, on average, before each basket (default 0 with one server: as fast
                      as it answers; 300 with several, else the load takes both cores and starves the restarting server)
        """;

    public required string PortalDll { get; init; }
    public int Cycles { get; init; } = 10;
    public int Parents { get; init; } = 24;
    public int Capacity { get; init; } = 6;
    public required string Folder { get; init; }
    public int Seed { get; init; } = Environment.TickCount;
    public int WarmUpSeconds { get; init; } = 20;
    public string? PostgreSqlConnection { get; init; }
    public int Nodes { get; init; } = 1;
    public int ThinkMilliseconds { get; init; }
    public string? LoadBalancerScript { get; init; }

    /// <summary>Where the parents send their requests: the only server, or the load balancer in front of several.</summary>
    public int Port { get; init; }

    /// <summary>Each server's own port; with one server, the parents' port.</summary>
    public required IReadOnlyList<int> NodePorts { get; init; }

    public bool OnPostgreSql => PostgreSqlConnection is not null;

    public string DatabaseFile => Path.Combine(Folder, "portal.db");

    /// <summary>The certificate of the key ring, made by the seeding step and read by every start of the portal.</summary>
    public string CertificateFile => Path.Combine(Folder, "protection-des-cles.pfx");

    public string BaseAddress => Address(Port);

    public string NodeAddress(int node) => Address(NodePorts[node]);

    private static string Address(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Production, plain HTTP on the loopback, no captcha, limits raised for one client address.</summary>
    public IReadOnlyDictionary<string, string> PortalSettings => new Dictionary<string, string>
    {
        ["ConnectionStrings:FamilyPortal"] = PostgreSqlConnection ?? $"Data Source={DatabaseFile}",
        ["Database:Provider"] = OnPostgreSql ? "PostgreSql" : "Sqlite",
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
        var nodes = Number("--nodes", 1);
        var postgresql = Value("--postgresql");
        var balancer = Value("--load-balancer");
        if (nodes is < 1 or > 16)
        {
            throw new ArgumentException("--nodes: from 1 to 16 servers.");
        }
        if (nodes > 1 && (postgresql is null || balancer is null))
        {
            throw new ArgumentException("Several servers share a PostgreSQL database behind the load balancer: give --postgresql and --load-balancer.");
        }
        var ports = Enumerable.Range(0, nodes).Select(_ => FreePort()).ToList();
        return new CrashSettings
        {
            PortalDll = Path.GetFullPath(portal),
            Cycles = Number("--cycles", 10),
            Parents = Number("--parents", 24),
            Capacity = Number("--capacity", 6),
            Folder = Path.GetFullPath(folder),
            Seed = Number("--seed", Environment.TickCount & 0xFFFF),
            WarmUpSeconds = Number("--warm-up", 20),
            PostgreSqlConnection = postgresql,
            Nodes = nodes,
            ThinkMilliseconds = Number("--think", nodes == 1 ? 0 : 300),
            LoadBalancerScript = balancer is null ? null : Path.GetFullPath(balancer),
            NodePorts = ports,
            Port = nodes == 1 ? ports[0] : FreePort(),
        };
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
