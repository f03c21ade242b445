using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FamilyPortal.Benchmarks;

/// <summary>
/// One measured size: the portal started on a fresh database (its own migrations), the data seeded, and the
/// parent signed in through the real form.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly bool _keep;

    private BenchDatabase(string folder, bool keep, BenchPortal portal)
    {
        _folder = folder;
        _keep = keep;
        Portal = portal;
    }

    public BenchPortal Portal { get; }
    public Town Town { get; private set; } = null!;
    public SeedCounts Seed { get; private set; } = null!;
    public BenchParent Parent { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public int Children => Seed.Children;

    public string Label => $"[{Children.ToString("N0", CultureInfo.InvariantCulture)} children]";

    /// <summary>The size of the database file once seeded.</summary>
    public double SeededMiB { get; private set; }

    public static async Task<BenchDatabase> CreateAsync(int children, bool keep, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "familyportal-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new BenchDatabase(folder, keep, new BenchPortal(folder, FixedClock.BeforeTerm));
        // Starting the portal applies its migrations to the empty file.
        _ = database.Portal.Services;
        // Room for every child and the measured family: the benchmark times bookings, not « complet ».
        database.Town = await ReferenceData.CreateAsync(database.Portal, BenchCalendar.Year2026, capacity: children + 10, ct);
        database.Seed = BulkLoader.Load(database.Portal.ConnectionString, database.Town, children, BenchCalendar.Year2026);
        database.SeededMiB = new FileInfo(database.Portal.DatabasePath).Length / 1024.0 / 1024.0;
        Console.WriteLine($"{database.Label} database created by the portal's migrations and seeded in {database.Seed.Elapsed.TotalSeconds:F1} s: " +
            $"{database.Seed.Families:N0} families, {database.Seed.Children:N0} children, {database.Seed.Bookings:N0} bookings, " +
            $"{database.Seed.DayLoads:N0} day counters ({database.SeededMiB:F0} MiB)");
        database.Parent = await BenchParent.CreateAsync(database.Portal, database.Town, ct);
        database.Http = database.Portal.NewClient();
        await SignIn.AsAsync(database.Http, database.Parent, ct);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await Portal.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_keep)
        {
            Console.WriteLine($"{Label} kept: {_folder}");
        }
        else
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
