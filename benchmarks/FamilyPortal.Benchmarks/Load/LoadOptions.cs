using System.Globalization;

namespace FamilyPortal.Benchmarks.Load;

/// <summary>The command lines of the load scenario's two helpers (see load/run.sh).</summary>
internal sealed record LoadOptions(string Folder, int Children, int Accounts, int Parents, int Seconds, string? Output)
{
    public const string SeedSwitch = "--seed-load";
    public const string HashRateSwitch = "--hash-rate";

    public const string Usage =
        "--seed-load <folder> [--children 5000] [--accounts 5000] [--parents 2500]  |  --hash-rate [--seconds 5] [--out figures.json]";

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions("", 5000, 5000, 2500, 5, null);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                SeedSwitch => options with { Folder = Text(args, ++i) },
                HashRateSwitch => options,
                "--children" => options with { Children = Number(args, ++i, 2) },
                "--accounts" => options with { Accounts = Number(args, ++i, 1) },
                "--parents" => options with { Parents = Number(args, ++i, 1) },
                "--seconds" => options with { Seconds = Number(args, ++i, 1) },
                "--out" => options with { Output = Text(args, ++i) },
                _ => throw new ArgumentException($"Unknown option « {args[i]} ». Usage: {Usage}"),
            };
        }
        return options;
    }

    private static string Text(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value. Usage: {Usage}");

    private static int Number(IReadOnlyList<string> args, int index, int minimum) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a whole number of at least {minimum}. Usage: {Usage}");
}
