namespace FamilyPortal.Tests.Features.Accounts;

public class PasswordWorkTests
{
    [Fact]
    public async Task Hashes_run_off_the_thread_pool_and_never_more_at_once_than_its_threads()
    {
        using var work = new PasswordWork(threads: 2);
        var running = 0;
        var mostAtOnce = 0;
        var onPoolThread = false;

        var hashes = Enumerable.Range(0, 12).Select(i => work.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            onPoolThread |= Thread.CurrentThread.IsThreadPoolThread;
            Thread.Sleep(20);
            Interlocked.Decrement(ref running);
            return i * 10;
        })).ToList();
        var results = await Task.WhenAll(hashes);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => i * 10), results);
        Assert.Equal(2, mostAtOnce);
        Assert.False(onPoolThread);
    }

    [Fact]
    public async Task A_hash_that_throws_fails_its_own_caller_and_the_next_hash_still_runs()
    {
        using var work = new PasswordWork(threads: 1);

        var failing = work.RunAsync<int>(() => throw new FormatException("hash illisible"));
        var next = work.RunAsync(() => 42);

        var error = await Assert.ThrowsAsync<FormatException>(() => failing);
        Assert.Equal("hash illisible", error.Message);
        Assert.Equal(42, await next);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
