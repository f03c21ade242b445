using System.Collections.Concurrent;
using System.Globalization;

namespace FamilyPortal.CrashTest;

/// <summary>
/// The crash test (scripts/crash-test.sh): parents validate baskets on the portal while it is killed with
/// SIGKILL at random moments and started again; then the database must hold exactly what was answered.
/// Not top-level statements: those would declare a second global <c>Program</c> beside the portal's.
/// </summary>
internal static class CrashTestProgram
{
    /// <summary>The portal must answer /health again within this time after each start.</summary>
    private static readonly TimeSpan ReadinessLimit = TimeSpan.FromSeconds(10);

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CrashSettings settings;
        try
        {
            settings = CrashSettings.Parse(args);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return 2;
        }
        // WebApplicationFactory finds the portal's folder through the manifest in the output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        Console.WriteLine($"Crash test: {settings.Parents} parents, {settings.Capacity} places a day, {settings.Cycles} SIGKILL, seed {settings.Seed}, folder {settings.Folder}");

        if (!File.Exists(settings.CertificateFile))
        {
            FamilyPortal.Web.Infrastructure.DataProtectionSetup.CreateSelfSigned(settings.CertificateFile, password: null);
        }

        IReadOnlyList<CrashParent> parents;
        int activityId;
        await using (var seed = new CrashSeed(settings))
        {
            parents = await seed.SeedAsync(settings.Parents);
            activityId = seed.ActivityId;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var attempts = new ConcurrentQueue<ValidationAttempt>();
        var readiness = new List<TimeSpan>();
        var random = new Random(settings.Seed);
        using (var portal = new PortalProcess(settings))
        {
            var first = await portal.StartAsync(TimeSpan.FromSeconds(60));
            Console.WriteLine($"Portal started in {first.TotalSeconds:F1} s");
            using var stop = new CancellationTokenSource();
            var loads = parents.Select((p, i) => Task.Run(() => new ParentLoad(p, settings, new Random(settings.Seed + i + 1), attempts).RunAsync(stop.Token))).ToList();
            // The parents sign in and start booking before the first kill.
            await Task.Delay(TimeSpan.FromSeconds(settings.WarmUpSeconds));
            Console.WriteLine($"Warm-up: {attempts.Count(a => a.ValidationId is not null)} baskets validated in {settings.WarmUpSeconds} s");
            for (var cycle = 1; cycle <= settings.Cycles; cycle++)
            {
                var running = TimeSpan.FromMilliseconds(random.Next(2_000, 8_000));
                await Task.Delay(running);
                await portal.KillAsync();
                var answered = attempts.Count(a => a.ValidationId is not null);
                var ready = await portal.StartAsync(ReadinessLimit + TimeSpan.FromSeconds(20));
                readiness.Add(ready);
                Console.WriteLine($"Kill {cycle,2}: after {running.TotalSeconds:F1} s of load ({answered} baskets validated so far), ready again in {ready.TotalSeconds:F1} s");
            }
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stop.CancelAsync();
            await Task.WhenAll(loads);
            await portal.KillAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        CrashChecks.Result result;
        await using (var check = new CrashSeed(settings))
        {
            result = await CrashChecks.RunAsync(check.Services, activityId, settings.Capacity, attempts);
        }
        var all = attempts.ToList();
        var failures = result.Failures;
        var slow = readiness.Where(r => r > ReadinessLimit).ToList();
        if (slow.Count > 0)
        {
            failures.Add($"{slow.Count} restart(s) slower than {ReadinessLimit.TotalSeconds} s: {string.Join(", ", slow.Select(s => $"{s.TotalSeconds:F1} s"))}");
        }
        if (!all.Any(a => a.ValidationId is not null))
        {
            failures.Add("no basket was validated: the load did not run");
        }

        Console.WriteLine();
        Console.WriteLine("Summary");
        Console.WriteLine($"  kills (SIGKILL) and restarts      {readiness.Count}");
        Console.WriteLine($"  readiness after restart           median {Median(readiness):F1} s, max {readiness.DefaultIfEmpty().Max().TotalSeconds:F1} s (limit {ReadinessLimit.TotalSeconds} s)");
        Console.WriteLine($"  « Valider » answered as validated {all.Count(a => a.ValidationId is not null)}");
        Console.WriteLine($"  « Valider » cut by a kill         {all.Count(a => !a.Answered)}");
        Console.WriteLine($"  validations in the database       {result.Validations}");
        Console.WriteLine($"  bookings in the database          {result.Bookings} active ({result.FullDays} day(s) full at {settings.Capacity} places), {result.Cancelled} cancelled");
        Console.WriteLine($"  SQLite integrity_check            {result.Integrity}");
        Console.WriteLine($"  errors seen by the parents        {string.Join("; ", ParentLoad.Errors.OrderByDescending(e => e.Value).Take(4).Select(e => $"{e.Value} × {e.Key}"))}");
        Console.WriteLine($"  problems                          {failures.Count}");
        foreach (var failure in failures.Take(50))
        {
            Console.WriteLine($"    - {failure}");
        }
        Console.WriteLine(failures.Count == 0 ? "Crash test passed." : "Crash test FAILED.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static double Median(List<TimeSpan> values) =>
        values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2).TotalSeconds;
}
