namespace FamilyPortal.Benchmarks;

/// <summary>Durations of repeated requests, in milliseconds.</summary>
internal sealed class Samples(IReadOnlyList<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Max => _sorted[^1];

    /// <summary>Nearest rank: the smallest sample with at least p % of the samples at or below it.</summary>
    public double Percentile(int p)
    {
        var rank = (int)Math.Ceiling(p / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
