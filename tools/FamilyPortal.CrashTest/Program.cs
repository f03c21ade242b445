using System.Collections.Concurrent;
using System.Globalization;

namespace FamilyPortal.CrashTest;

/// <summary>
/// The crash test (scripts/crash-test.sh): parents validate baskets on the portal while it is killed with
/// SIGKILL at random moments and started again; then the database must hold exactly what was answered. With
/// several servers behind the load balancer, each kill takes one server, and the others must go on answering.
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
        Console.WriteLine($"Crash test: {settings.Parents} parents, {settings.Capacity} places a day, {settings.Cycles} SIGKILL, seed {settings.Seed}, " +
            $"{settings.Nodes} portal server(s) on {(settings.OnPostgreSql ? "PostgreSQL" : "SQLite")}, folder {settings.Folder}");

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
        var outages = new List<Outage>();
        var random = new Random(settings.Seed);
        var nodes = Enumerable.Range(0, settings.Nodes).Select(n => new PortalProcess(settings, n)).ToList();
        using (var balancer = settings.Nodes > 1 ? new LoadBalancer(settings) : null)
        {
            foreach (var node in nodes)
            {
                var first = await node.StartAsync(TimeSpan.FromSeconds(60));
                Console.WriteLine($"Portal {node.Name} started in {first.TotalSeconds:F1} s");
            }
            if (balancer is not null)
            {
                await balancer.StartAsync();
                await Task.Delay(BalancerCheck);
            }
            using var stop = new CancellationTokenSource();
            var loads = parents.Select((p, i) => Task.Run(() => new ParentLoad(p, settings, new Random(settings.Seed + i + 1), attempts).RunAsync(stop.Token))).ToList();
            // The parents sign in and start booking before the first kill.
            await Task.Delay(TimeSpan.FromSeconds(settings.WarmUpSeconds));
            Console.WriteLine($"Warm-up: {attempts.Count(a => a.ValidationId is not null)} baskets validated in {settings.WarmUpSeconds} s");
            for (var cycle = 1; cycle <= settings.Cycles; cycle++)
            {
                var running = TimeSpan.FromMilliseconds(random.Next(2_000, 8_000));
                await Task.Delay(running);
                var victim = nodes[random.Next(nodes.Count)];
                var before = RequestTally.Snapshot();
                await victim.KillAsync();
                var answered = attempts.Count(a => a.ValidationId is not null);
                var ready = await victim.StartAsync(ReadinessLimit + TimeSpan.FromSeconds(20));
                if (balancer is not null)
                {
                    // Until its next health check the balancer still leaves the restarted server out.
                    await Task.Delay(BalancerCheck);
                }
                var after = RequestTally.Snapshot();
                readiness.Add(ready);
                var outage = new Outage(victim.Name, after.Ended - before.Ended, after.Failed - before.Failed);
                outages.Add(outage);
                Console.WriteLine($"Kill {cycle,2} ({victim.Name}): after {running.TotalSeconds:F1} s of load ({answered} baskets validated so far), " +
                    $"ready again in {ready.TotalSeconds:F1} s; {outage.Failed} failed of the {outage.Ended} requests that ended meanwhile");
            }
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stop.CancelAsync();
            await Task.WhenAll(loads);
            foreach (var node in nodes)
            {
                await node.KillAsync();
                node.Dispose();
            }
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
        if (settings.Nodes > 1)
        {
            // The servers left standing answer while one is down: most requests of each outage succeed.
            foreach (var outage in outages.Where(o => o.Ended == 0 || o.Failed * 2 > o.Ended))
            {
                failures.Add($"while {outage.Node} was down, {outage.Failed} of {outage.Ended} requests failed: the other servers did not take over");
            }
        }

        Console.WriteLine();
        Console.WriteLine("Summary");
        Console.WriteLine($"  kills (SIGKILL) and restarts      {readiness.Count}");
        Console.WriteLine($"  readiness after restart           median {Median(readiness):F1} s, max {readiness.DefaultIfEmpty().Max().TotalSeconds:F1} s (limit {ReadinessLimit.TotalSeconds} s)");
        Console.WriteLine($"  requests failed during the kills  {string.Join(", ", outages.Select(o => $"{o.Failed}/{o.Ended}"))} (failed/ended from each kill to the restart)");
        Console.WriteLine($"  « Valider » answered as validated {all.Count(a => a.ValidationId is not null)}");
        Console.WriteLine($"  « Valider » cut by a kill         {all.Count(a => !a.Answered)}");
        Console.WriteLine($"  validations in the database       {result.Validations}");
        Console.WriteLine($"  bookings in the database          {result.Bookings} active ({result.FullDays} day(s) full at {settings.Capacity} places), {result.Cancelled} cancelled");
        Console.WriteLine($"  database integrity                {result.Integrity}");
        Console.WriteLine($"  errors seen by the parents        {string.Join("; ", ParentLoad.Errors.OrderByDescending(e => e.Value).Take(4).Select(e => $"{e.Value} × {e.Key}"))}");
        Console.WriteLine($"  problems                          {failures.Count}");
        foreach (var failure in failures.Take(50))
        {
            Console.WriteLine($"    - {failure}");
        }
        Console.WriteLine(failures.Count == 0 ? "Crash test passed." : "Crash test FAILED.");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The balancer checks each server every 500 ms: after a second it has seen a restarted one.</summary>
    private static readonly TimeSpan BalancerCheck = TimeSpan.FromSeconds(1);

    /// <summary>One kill: the server, and the parents' requests that ended, and failed, from the kill until it answered again.</summary>
    private sealed record Outage(string Node, long Ended, long Failed);

    private static double Median(List<TimeSpan> values) =>
        values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2).TotalSeconds;
}
