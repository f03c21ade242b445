using System.Globalization;

namespace FamilyPortal.Benchmarks;

/// <summary>
/// The reservations benchmark: figures printed, not asserted (see the « Performance » section of the README).
/// Not top-level statements: those would declare a second global <c>Program</c> beside the portal's.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        // WebApplicationFactory finds the portal's folder through MvcTestingAppManifest.json in the current
        // directory, which is the output folder under a test runner but not under `dotnet run`.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            Console.WriteLine("Load scenario (see docs/performance.md): " + Load.LoadOptions.Usage);
            return 0;
        }
        if (Load.LoadCommands.Handles(args))
        {
            return await Load.LoadCommands.RunAsync(args, CancellationToken.None);
        }
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return 2;
        }

        Console.WriteLine($"Machine: {Report.Machine()}");
        Console.WriteLine($"{options.Requests} timed requests per page after {options.Warmup} warm-up requests, {options.Rounds} rounds per basket; " +
            $"portal clock fixed at {FixedClock.BeforeTerm.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine(AllocationBenchmark.Run());
        var ct = CancellationToken.None;
        await using (var town = await BenchDatabase.CreateAsync(BillingBenchmark.ChildrenFor(options.Families), options.Keep, ct))
        {
            Console.WriteLine();
            Console.WriteLine(BillingBenchmark.Report(await BillingBenchmark.RunAsync(town, ct)));
            Console.WriteLine();
        }
        if (options.BillingOnly)
        {
            return 0;
        }
        await using var full = await BenchDatabase.CreateAsync(options.Children, options.Keep, ct);
        await using var small = await BenchDatabase.CreateAsync(options.SmallChildren, options.Keep, ct);
        var figures = await Comparison.RunAsync([full, small], options, ct);
        var (large, little) = (figures[0], figures[1]);

        Console.WriteLine();
        Console.WriteLine(Report.Table(large, little));
        Console.WriteLine();
        Console.WriteLine($"Week grid, median with {full.Children:N0} children ÷ with {small.Children:N0}: {large.Week.Median / little.Week.Median:F2} " +
            $"(p95: {large.Week.P95 / little.Week.P95:F2}); period view: {large.Period.Median / little.Period.Median:F2}");
        return 0;
    }
}
