using System.Diagnostics;

namespace FamilyPortal.Web.Infrastructure.Observability;

/// <summary>
/// What one request cost the database: how many commands it sent and how long they ran, added up by
/// <see cref="RequestCostInterceptor"/> and sent back by <see cref="ServerTiming"/>. It follows the
/// request through its awaits as an ambient value, so nothing between the page and the database passes it on.
/// </summary>
public sealed class RequestCost
{
    private static readonly AsyncLocal<RequestCost?> Ambient = new();
    private readonly long started = Stopwatch.GetTimestamp();
    private int commands;
    private long commandTicks;

    /// <summary>The cost of the request being served, or null outside a measured request.</summary>
    public static RequestCost? Current => Ambient.Value;

    public int Commands => Volatile.Read(ref commands);

    public TimeSpan CommandTime => TimeSpan.FromTicks(Interlocked.Read(ref commandTicks));

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);

    /// <summary>Starts measuring the current request; what it awaits from here on is counted.</summary>
    public static RequestCost Begin() => Ambient.Value = new RequestCost();

    public void AddCommand(TimeSpan duration)
    {
        Interlocked.Increment(ref commands);
        Interlocked.Add(ref commandTicks, duration.Ticks);
    }
}
