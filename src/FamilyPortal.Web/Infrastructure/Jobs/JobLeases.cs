using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Takes and gives back the lease of a job. Taking is one conditional update, so that of several servers
/// polling at the same moment exactly one sees its update count be 1 and runs the job.
/// </summary>
public sealed class JobLeases(FamilyPortalDbContext db)
{
    public const int MaxErrorLength = 1000;

    public async Task<bool> TryTakeAsync(string name, string holderId, DateTime nowUtc, TimeSpan leaseLength, CancellationToken ct)
    {
        await EnsureRowAsync(name, nowUtc, ct);
        var until = nowUtc + leaseLength;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && l.NextRunAtUtc <= nowUtc && (l.LeasedUntilUtc == null || l.LeasedUntilUtc < nowUtc))
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.HolderId, holderId)
                .SetProperty(l => l.LeasedUntilUtc, until), ct);
        return taken == 1;
    }

    /// <summary>Gives the lease back; the job is next due at <paramref name="nextRunAtUtc"/>.</summary>
    public Task GiveBackAsync(string name, string holderId, DateTime nowUtc, DateTime nextRunAtUtc, string? error) =>
        // Not cancellable: a job that ran must record it, or another server would run it again at once.
        db.JobLeases
            .Where(l => l.Name == name && l.HolderId == holderId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.HolderId, (string?)null)
                .SetProperty(l => l.LeasedUntilUtc, (DateTime?)null)
                .SetProperty(l => l.NextRunAtUtc, nextRunAtUtc)
                .SetProperty(l => l.LastCompletedAtUtc, l => error == null ? nowUtc : l.LastCompletedAtUtc)
                .SetProperty(l => l.LastError, error), CancellationToken.None);

    private async Task EnsureRowAsync(string name, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            return;
        }
        db.JobLeases.Add(new JobLease { Name = name, NextRunAtUtc = nowUtc });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server created the row at the same moment: its primary key decided, the row is there.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
