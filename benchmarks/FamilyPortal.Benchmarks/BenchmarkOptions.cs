using System.Globalization;

namespace FamilyPortal.Benchmarks;

/// <summary>The command line. The defaults are the sizes of the issue: 5,000 children, and 1 % of them for the small database.</summary>
internal sealed record BenchmarkOptions(int Children, int SmallPercent, int Requests, int Warmup, int Rounds, bool Keep, int Families = 5000, bool BillingOnly = false)
{
    public const string Usage =
        "dotnet run -c Release --project benchmarks/FamilyPortal.Benchmarks -- " +
        "[--children 5000] [--small-percent 1] [--requests 200] [--warmup 50] [--rounds 7] [--keep] [--families 5000] [--billing-only]";

    public int SmallChildren => Math.Max(2, Children * SmallPercent / 100);

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(5000, 1, 200, 50, 7, false);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--children" => options with { Children = Number(args, ++i, 2) },
                "--small-percent" => options with { SmallPercent = Number(args, ++i, 1) },
                "--requests" => options with { Requests = Number(args, ++i, 1) },
                "--warmup" => options with { Warmup = Number(args, ++i, 0) },
                "--rounds" => options with { Rounds = Number(args, ++i, 1) },
                "--keep" => options with { Keep = true },
                "--families" => options with { Families = Number(args, ++i, 1) },
                "--billing-only" => options with { BillingOnly = true },
                _ => throw new ArgumentException($"Unknown option « {args[i]} ». Usage: {Usage}"),
            };
        }
        return options;
    }

    private static int Number(IReadOnlyList<string> args, int index, int minimum) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a whole number of at least {minimum}. Usage: {Usage}");
}
