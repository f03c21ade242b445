using System.Text.Json;

namespace FamilyPortal.Benchmarks.Load;

/// <summary>The two commands load/run.sh calls: seed the scenario's database, measure the password-hash ceiling.</summary>
internal static class LoadCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool Handles(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] is LoadOptions.SeedSwitch or LoadOptions.HashRateSwitch;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return 2;
        }
        if (args[0] == LoadOptions.HashRateSwitch)
        {
            var figures = HashRate.Measure(TimeSpan.FromSeconds(options.Seconds));
            var json = JsonSerializer.Serialize(figures, Json);
            Console.WriteLine($"PBKDF2 at {figures.Iterations:N0} iterations: {figures.PerSecond:F1} checks/s on {figures.Threads} threads, " +
                $"{figures.PerSecondOneThread:F1} on one");
            if (options.Output is { } output)
            {
                await File.WriteAllTextAsync(output, json, ct);
            }
            return 0;
        }
        var manifest = await LoadSeed.CreateAsync(options, ct);
        Console.WriteLine($"Seeded {options.Folder} in {manifest.SeedSeconds:F0} s: school year {manifest.SchoolYear}, {manifest.Families:N0} families, " +
            $"{manifest.Children:N0} children, {manifest.Bookings:N0} bookings, {manifest.Accounts.Count:N0} parent accounts; " +
            $"months to fill from {manifest.Months[0].From:yyyy-MM-dd}");
        return 0;
    }
}
