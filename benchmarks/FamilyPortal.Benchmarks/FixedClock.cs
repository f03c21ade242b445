namespace FamilyPortal.Benchmarks;

/// <summary>
/// The portal's clock stopped before the school year starts, so that every day of the year can be booked
/// whatever the real date. Timers and timestamps stay the system's.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Tuesday 25/08/2026, 08:00 in Paris.</summary>
    public static readonly FixedClock BeforeTerm = new(new DateTimeOffset(2026, 8, 25, 8, 0, 0, TimeSpan.FromHours(2)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
