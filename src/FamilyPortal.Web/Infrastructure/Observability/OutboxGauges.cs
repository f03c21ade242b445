using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Infrastructure.Observability;

/// <summary>
/// The outbox's backlog and the age of its oldest waiting mail, read when metrics are collected: at most
/// once per <see cref="Refresh"/>, two indexed queries, so a scrape every few seconds costs nothing.
/// </summary>
public sealed class OutboxGauges(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private (DateTimeOffset At, Snapshot Value)? _last;

    public readonly record struct Snapshot(long Backlog, double OldestAgeSeconds);

    public Snapshot Read()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < Refresh && now >= last.At)
            {
                return last.Value;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            // Mail held for an unconfirmed address, or abandoned, is not waiting for the dispatcher.
            var due = db.OutboxMessages.AsNoTracking().Where(m => m.SentAtUtc == null && m.HeldForAccountId == null && m.AbandonedAtUtc == null);
            var backlog = due.LongCount();
            var oldest = due.Min(m => (DateTime?)m.CreatedAtUtc);
            var age = oldest is { } created ? Math.Max(0, (now.UtcDateTime - created).TotalSeconds) : 0;
            var value = new Snapshot(backlog, age);
            _last = (now, value);
            return value;
        }
    }
}
