using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// Fixed-window counters shared by every portal server through the database. A request is counted by one
/// conditional update (« Count = Count + 1 where Count &lt; limit »), atomic on every provider; the first
/// request of a window inserts the row, and when two servers insert it at once the primary key lets one win
/// and the other counts on its row. Plain EF Core only, so that each provider runs the same code.
/// </summary>
public sealed class RateLimitCounters(FamilyPortalDbContext db, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<RateLimitDecision> CountAsync(RateLimitRule rule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var length = Math.Max(1, (long)rule.Window.TotalSeconds);
        var start = now - (now % length);
        var refused = new RateLimitDecision(false, TimeSpan.FromSeconds(Math.Max(1, start + length - now)));
        if (rule.PermitLimit < 1)
        {
            return refused;
        }
        var hash = HashOf(rule.PartitionKey);
        var window = db.RateLimitCounters.Where(c => c.Policy == rule.Policy && c.PartitionHash == hash && c.WindowStart == start);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var counted = await window.Where(c => c.Count < rule.PermitLimit)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
            if (counted == 1)
            {
                return RateLimitDecision.Allow;
            }
            var full = await window.Select(c => (bool?)(c.Count >= rule.PermitLimit)).FirstOrDefaultAsync(cancellationToken);
            if (full == true)
            {
                return refused;
            }
            if (full == false)
            {
                // Another server made the window's row after the update looked for it: the next turn counts on it.
                continue;
            }
            var row = new RateLimitCounter
            {
                Policy = rule.Policy,
                PartitionHash = hash,
                WindowStart = start,
                WindowEnd = start + length,
                Count = 1,
            };
            db.RateLimitCounters.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return RateLimitDecision.Allow;
            }
            catch (DbUpdateException)
            {
                // Another server made the window's row first: the next turn counts on it.
            }
            finally
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
        return refused;
    }

    /// <summary>The stored form of a partition key: addresses and account ids are not kept in clear.</summary>
    public static string HashOf(string partitionKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partitionKey)));
}
