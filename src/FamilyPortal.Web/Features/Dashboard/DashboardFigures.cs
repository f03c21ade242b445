using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Dashboard;

/// <summary>
/// The figures of the tableau de bord, for the collectivité entered by the request (tenant filters): the
/// places taken today and tomorrow, mail stuck in the outbox, and the basket lines « Valider » refused.
/// </summary>
public sealed class DashboardFigures(FamilyPortalDbContext db, TimeProvider time)
{
    /// <summary>A mail unsent after this long is a problem worth a look.</summary>
    public static readonly TimeSpan OutboxDelay = TimeSpan.FromMinutes(15);

    public sealed record Load(string Site, string Activity, int Today, int? TodayCapacity, bool TodayClosed,
        int Tomorrow, int? TomorrowCapacity, bool TomorrowClosed);

    public sealed record StuckMail(string Subject, string ToAddress, DateTime CreatedAtUtc, int Attempts, string? LastError);

    public sealed record Refusal(string Child, string Activity, DateOnly Date, string Reason, DateTime CreatedAtUtc);

    public sealed record View(DateOnly Today, IReadOnlyList<Load> Loads, int StuckMailCount, IReadOnlyList<StuckMail> StuckMails, IReadOnlyList<Refusal> Refusals);

    public async Task<View> LoadAsync(int municipalityId, CancellationToken ct)
    {
        var zoneId = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.TimeZoneId).SingleAsync(ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : ParisClock.Zone;
        var now = time.GetUtcNow();
        var today = ParisClock.Today(now, zone);
        var tomorrow = today.AddDays(1);

        var activities = await db.Activities.AsNoTracking().Where(a => !a.IsArchived && !a.Site!.IsArchived)
            .OrderBy(a => a.Site!.Name).ThenBy(a => a.SortOrder).ThenBy(a => a.Label)
            .Select(a => new { a.Id, a.SiteId, Site = a.Site!.Name, a.Label, a.Capacity })
            .ToListAsync(ct);
        var loads = await db.ActivityDayLoads.AsNoTracking().Where(l => l.Date == today || l.Date == tomorrow).ToListAsync(ct);
        var overrides = await db.CapacityOverrides.AsNoTracking().Where(o => o.Date == today || o.Date == tomorrow).ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking().Where(c => c.StartDate <= tomorrow && c.EndDate >= today).ToListAsync(ct);

        int Booked(int activityId, DateOnly day) => loads.FirstOrDefault(l => l.ActivityId == activityId && l.Date == day)?.Booked ?? 0;
        int? Capacity(int activityId, int? usual, DateOnly day) =>
            overrides.FirstOrDefault(o => o.ActivityId == activityId && o.Date == day)?.Capacity ?? usual;
        bool Closed(int activityId, int siteId, DateOnly day) => closures.Any(c => c.Covers(day, activityId, siteId));

        var rows = activities.Select(a => new Load(a.Site, a.Label,
            Booked(a.Id, today), Capacity(a.Id, a.Capacity, today), Closed(a.Id, a.SiteId, today),
            Booked(a.Id, tomorrow), Capacity(a.Id, a.Capacity, tomorrow), Closed(a.Id, a.SiteId, tomorrow))).ToList();

        // The outbox is not tenant-filtered (the dispatcher serves everybody): filtered here by hand.
        var stuckBefore = (now - OutboxDelay).UtcDateTime;
        var stuck = db.OutboxMessages.AsNoTracking()
            .Where(m => m.MunicipalityId == municipalityId && m.SentAtUtc == null && m.CreatedAtUtc <= stuckBefore);
        var stuckCount = await stuck.CountAsync(ct);
        var stuckMails = await stuck.OrderBy(m => m.CreatedAtUtc).Take(10)
            .Select(m => new StuckMail(m.Subject, m.ToAddress, m.CreatedAtUtc, m.Attempts, m.LastError))
            .ToListAsync(ct);

        var refusals = await (
                from line in db.BasketLines.AsNoTracking()
                where line.RefusalReason != null
                join child in db.Children on line.ChildId equals child.Id
                join activity in db.Activities on line.ActivityId equals activity.Id
                orderby line.CreatedAtUtc descending, line.Id descending
                select new Refusal(child.FirstName + " " + child.LastName, activity.Label, line.Date, line.RefusalReason!, line.CreatedAtUtc))
            .Take(20)
            .ToListAsync(ct);

        return new View(today, rows, stuckCount, stuckMails, refusals);
    }
}
