namespace FamilyPortal.Web.Email;

/// <summary>Exponential back-off between attempts: 30 s, 1 min, 2 min… then once an hour, forever.</summary>
public static class RetrySchedule
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <param name="attempts">Failed attempts so far, including the one that just failed (1 or more).</param>
    public static TimeSpan DelayAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var delay = First * Math.Pow(2, exponent);
        return delay < Cap ? delay : Cap;
    }
}
