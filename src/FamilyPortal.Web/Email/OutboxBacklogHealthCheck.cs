using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FamilyPortal.Web.Email;

/// <summary>Degraded when mail has been waiting too long: the SMTP server is probably down.</summary>
public sealed class OutboxBacklogHealthCheck(FamilyPortalDbContext db, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Overdue = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = time.GetUtcNow().UtcDateTime - Overdue;
        var waiting = await db.OutboxMessages.CountAsync(m => m.SentAtUtc == null, cancellationToken);
        var overdue = await db.OutboxMessages.CountAsync(m => m.SentAtUtc == null && m.CreatedAtUtc < limit, cancellationToken);
        var data = new Dictionary<string, object> { ["waiting"] = waiting, ["overdue"] = overdue };
        return overdue == 0
            ? HealthCheckResult.Healthy($"{waiting} courriel(s) en attente", data)
            : HealthCheckResult.Degraded($"{overdue} courriel(s) en retard de plus de {Overdue.TotalMinutes} minutes", data: data);
    }
}
