using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>What the tableau de bord shows of family files: requests waiting, and today's children with a PAI per site.</summary>
public sealed class FileDashboard(FamilyPortalDbContext db)
{
    public sealed record PaiChild(string Site, string Child, string Activity);

    public Task<int> PendingRequestsAsync(CancellationToken ct) =>
        db.ChangeRequests.CountAsync(r => r.Status == ChangeRequestStatus.Pending, ct);

    public async Task<IReadOnlyList<PaiChild>> PaiTodayAsync(DateOnly today, CancellationToken ct)
    {
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.Date == today && b.CancelledAtUtc == null && db.HealthRecords.Any(h => h.ChildId == b.ChildId && h.HasPai))
            .Join(db.Children, b => b.ChildId, c => c.Id, (b, c) => new { b.ActivityId, c.FirstName, c.LastName })
            .Join(db.Activities, x => x.ActivityId, a => a.Id, (x, a) => new { x.FirstName, x.LastName, Activity = a.Label, Site = a.Site!.Name })
            .ToListAsync(ct);
        return rows.Select(r => new PaiChild(r.Site, $"{r.FirstName} {r.LastName}", r.Activity))
            .OrderBy(r => r.Site).ThenBy(r => r.Child).ToList();
    }
}
