using System.Collections.Concurrent;
using System.Diagnostics;
using FamilyPortal.Web.Infrastructure.Observability;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// Runs password hashes on threads of their own, one per core. A hash is the most expensive thing a request
/// does (PBKDF2 at the product's iteration count, about a seventh of a second of a core): on the thread pool,
/// a rush of sign-ins held every pool thread and every other page waited for one, although its own work took
/// milliseconds. Here at most one hash per core runs at once, the others queue, and the requests wait for
/// their hash without holding a thread.
/// </summary>
public sealed class PasswordWork : IDisposable
{
    private readonly BlockingCollection<Action> queue = [];
    private long _completed;
    private readonly PortalMetrics? _metrics;

    public PasswordWork() : this(Environment.ProcessorCount)
    {
    }

    /// <summary>One thread per core, reporting the queue's length and waits.</summary>
    public PasswordWork(PortalMetrics metrics) : this(Environment.ProcessorCount) => _metrics = metrics;

    public PasswordWork(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        for (var i = 0; i < threads; i++)
        {
            new Thread(RunQueue) { IsBackground = true, Name = $"Password hashing {i + 1}" }.Start();
        }
    }

    /// <summary>Password checks run so far by this process (real or dummy ones alike).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public Task<T> RunAsync<T>(Func<T> hashing)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queuedAt = Stopwatch.GetTimestamp();
        _metrics?.PasswordCheckQueued();
        queue.Add(() =>
        {
            _metrics?.PasswordCheckStarted(Stopwatch.GetElapsedTime(queuedAt));
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
        });
        return done.Task;
    }

    public void Dispose() => queue.CompleteAdding();

    private void RunQueue()
    {
        foreach (var work in queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
