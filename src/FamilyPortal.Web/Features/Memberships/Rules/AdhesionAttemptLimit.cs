namespace FamilyPortal.Web.Features.Memberships.Rules;

/// <summary>
/// The brute-force rule of the code d'adhésion: more than <see cref="MaxFailures"/> wrong codes within
/// <see cref="Window"/> for an account or an address, and further attempts are refused until enough of
/// those failures are an hour old.
/// </summary>
public static class AdhesionAttemptLimit
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>
    /// How long to wait before the next attempt, or null when it may be made now.
    /// </summary>
    /// <param name="failuresUtc">The failures of the last hour that count against the attempt.</param>
    public static TimeSpan? WaitBefore(IReadOnlyCollection<DateTime> failuresUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(failuresUtc);
        var counted = failuresUtc.Where(at => at > nowUtc - Window).Order().ToList();
        if (counted.Count <= MaxFailures)
        {
            return null;
        }
        // Allowed again once only MaxFailures remain in the window: with six failures, when the oldest expires.
        var releasing = counted[counted.Count - MaxFailures - 1];
        return releasing + Window - nowUtc;
    }

    /// <summary>Whole minutes to tell the parent, never zero.</summary>
    public static int MinutesToWait(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
}
