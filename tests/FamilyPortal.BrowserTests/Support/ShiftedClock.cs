namespace FamilyPortal.BrowserTests.Support;

/// <summary>Real time moved to a chosen start: timers and delays run as usual, dates are those of the scenario.</summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
