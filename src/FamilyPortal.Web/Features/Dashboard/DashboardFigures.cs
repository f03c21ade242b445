using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Dashboard;

/// <summary>
/// The figures of the tableau de bord, for the collectivité entered by the request (tenant filters): the
/// places taken today and tomorrow, mail stuck in the outbox, and the basket lines « Valider » refused.
/// </summary>
public sealed class DashboardFigures(FamilyPortalDbContext db, CalendarLoader calendar, TimeProvider time)
{
    /// <summary>A mail unsent after this long is a problem worth a look.</summary>
    public static readonly TimeSpan OutboxDelay = TimeSpan.FromMinutes(15);

    public sealed record Load(string Site, string Activity, DayLoad Today, DayLoad Tomorrow);

    /// <param name="Closed">The activity does not run that day.</param>
    /// <param name="Full">No place is left for one more child.</param>
    public sealed record DayLoad(int Booked, int? Capacity, bool Closed, bool Full);

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

        var activities = await db.Activities.AsNoTracking().Include(a => a.Site).Where(a => !a.IsArchived && !a.Site!.IsArchived)
            .OrderBy(a => a.Site!.Name).ThenBy(a => a.SortOrder).ThenBy(a => a.Label)
            .ToListAsync(ct);
        var data = await calendar.LoadAsync(activities.Select(a => a.Id).ToList(), [], accountId: null, today, tomorrow, ct);

        DayLoad DayOf(Activity activity, DateOnly day)
        {
            var context = data.Context(activity, child: null, day);
            var verdict = BookingVerdict.Judge(context, BookingIntent.Book, Actor.Staff, now, zone);
            return new DayLoad(context.Booked, context.Capacity, verdict.DayDoesNotRun, verdict.Reason == VerdictReason.Full);
        }

        var rows = activities.Select(a => new Load(a.Site!.Name, a.Label, DayOf(a, today), DayOf(a, tomorrow))).ToList();

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
