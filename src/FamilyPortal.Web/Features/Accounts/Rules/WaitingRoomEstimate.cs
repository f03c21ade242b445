namespace FamilyPortal.Web.Features.Accounts.Rules;

/// <summary>
/// What the waiting room tells a parent whose password check queues: the position, and a wait estimated from
/// the checks ahead and the rate the server measured — rounded up, never promising less than it knows.
/// </summary>
public static class WaitingRoomEstimate
{
    /// <summary>Seconds until a check with <paramref name="ahead"/> checks before it is done, at the measured rate.</summary>
    public static double Seconds(int ahead, double checksPerSecond) =>
        (Math.Max(0, ahead) + 1) / Math.Max(checksPerSecond, 0.01);

    /// <summary>
    /// The position (1 = next) after <paramref name="elapsed"/>, from the position when the check arrived and the
    /// rate then; it never goes below 1 while the check has not finished.
    /// </summary>
    public static int Position(int aheadAtArrival, double checksPerSecond, TimeSpan elapsed)
    {
        var done = (int)Math.Floor(Math.Max(0, elapsed.TotalSeconds) * Math.Max(checksPerSecond, 0));
        return Math.Max(1, Math.Max(0, aheadAtArrival) + 1 - done);
    }

    /// <summary>« environ 40 secondes », « environ 3 minutes », « quelques secondes ».</summary>
    public static string Words(double seconds) => seconds switch
    {
        <= 10 => "quelques secondes",
        < 60 => $"environ {RoundUp(seconds, 10)} secondes",
        < 90 => "environ 1 minute",
        _ => $"environ {Math.Ceiling(seconds / 60)} minutes",
    };

    /// <summary>How long the page waits before asking again: half the wait, between 2 and 10 seconds.</summary>
    public static int RefreshSeconds(double seconds) => (int)Math.Clamp(Math.Ceiling(seconds / 2), 2, 10);

    private static int RoundUp(double value, int step) => (int)(Math.Ceiling(value / step) * step);
}
