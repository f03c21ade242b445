using System.Collections.Concurrent;
using System.Diagnostics;
using FamilyPortal.Web.Infrastructure.Observability;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// Runs password hashes on threads of their own, one per core. A hash is the most expensive thing a request
/// does (PBKDF2 at the product's iteration count, about a seventh of a second of a core): on the thread pool,
/// a rush of sign-ins held every pool thread and every other page waited for one, although its own work took
/// milliseconds. Here at most one hash per core runs at once, the others queue in their order of arrival, and
/// the requests wait for their hash without holding a thread. The queue's length and its measured rate tell
/// the sign-in when to send a parent to the waiting room rather than hold the request.
/// </summary>
public sealed class PasswordWork : IDisposable
{
    /// <summary>Until a hash was timed: the product's hash on a core of the reference machine.</summary>
    private const double FirstGuessSeconds = 0.15;

    private readonly BlockingCollection<Action> queue = [];
    private readonly int threads;
    private readonly Lock timing = new();
    private double averageSeconds = FirstGuessSeconds;
    private long _completed;
    private int _queued;
    private int _running;
    private readonly PortalMetrics? _metrics;

    public PasswordWork() : this(Environment.ProcessorCount)
    {
    }

    /// <param name="threads">Checks run at once.</param>
    /// <param name="metrics">Where the queue's length and waits are reported, if anywhere.</param>
    public PasswordWork(int threads, PortalMetrics? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        this.threads = threads;
        _metrics = metrics;
        for (var i = 0; i < threads; i++)
        {
            new Thread(RunQueue) { IsBackground = true, Name = $"Password hashing {i + 1}" }.Start();
        }
    }

    /// <summary>Password checks run so far by this process (real or dummy ones alike).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Checks queued or running: those a check queued now would wait for.</summary>
    public int Ahead => Volatile.Read(ref _queued) + Volatile.Read(ref _running);

    /// <summary>Checks per second this process gets through: its threads over the recent time of one check.</summary>
    public double ChecksPerSecond
    {
        get
        {
            lock (timing)
            {
                return threads / Math.Max(averageSeconds, 0.001);
            }
        }
    }

    public Task<T> RunAsync<T>(Func<T> hashing)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _queued);
        var queuedAt = Stopwatch.GetTimestamp();
        _metrics?.PasswordCheckQueued();
        queue.Add(() =>
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _running);
            _metrics?.PasswordCheckStarted(Stopwatch.GetElapsedTime(queuedAt));
            var started = Stopwatch.GetTimestamp();
            try
            {
                var result = hashing();
                Interlocked.Increment(ref _completed);
                done.SetResult(result);
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                Measure(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        });
        return done.Task;
    }

    public void Dispose() => queue.CompleteAdding();

    /// <summary>A moving average: the rate follows the machine's load within a few dozen checks.</summary>
    private void Measure(double seconds)
    {
        lock (timing)
        {
            averageSeconds = 0.9 * averageSeconds + 0.1 * seconds;
        }
    }

    private void RunQueue()
    {
        foreach (var work in queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
