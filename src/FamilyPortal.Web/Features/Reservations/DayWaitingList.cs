using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// The waiting lists of « complet » days. A place given back inside a cancellation's transaction goes to the
/// first child waiting for that day, in the same transaction: the place is taken through the capacity gate and
/// the entry claimed by a conditional update, so under any concurrency a freed place is given once.
/// </summary>
public sealed class DayWaitingList(FamilyPortalDbContext db, CapacityGate places, EmailOutbox outbox, PublicLinks links, TimeProvider time)
{
    public async Task JoinAsync(ParentScope scope, int childId, int activityId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var already = await db.WaitingEntries.AnyAsync(e => e.ChildId == childId && e.ActivityId == activityId && e.Date == day
            && e.State == WaitingState.Waiting, ct);
        if (!already)
        {
            db.WaitingEntries.Add(new WaitingEntry
            {
                MunicipalityId = scope.MunicipalityId,
                AccountId = scope.AccountId,
                ChildId = childId,
                ActivityId = activityId,
                Date = day,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            });
        }
    }

    /// <summary>
    /// After a place of the day was given back: books it for the first child waiting, if the booking deadline has
    /// not passed. Returns the entry promoted, or null. Runs in the caller's transaction.
    /// </summary>
    public async Task<WaitingEntry?> PromoteAsync(Activity activity, DateOnly day, DayContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        if (now >= context.Rule.BookingDeadline.Instant(day, context.IsWorkingDay, ParisClock.Zone))
        {
            return null;
        }
        var candidates = await db.WaitingEntries.AsNoTracking()
            .Where(e => e.ActivityId == activity.Id && e.Date == day && e.State == WaitingState.Waiting)
            .OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id).Take(20).ToListAsync(ct);
        foreach (var entry in candidates)
        {
            var booked = await db.Bookings.AnyAsync(b => b.ChildId == entry.ChildId && b.ActivityId == activity.Id && b.Date == day && b.CancelledAtUtc == null, ct);
            if (!booked && !await places.TryTakeAsync(activity.MunicipalityId, activity.Id, day, context.Capacity, ct))
            {
                return null;
            }
            var claimed = await db.WaitingEntries.Where(e => e.Id == entry.Id && e.State == WaitingState.Waiting)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, booked ? WaitingState.Lapsed : WaitingState.Promoted)
                    .SetProperty(e => e.ResolvedAtUtc, now.UtcDateTime), ct);
            if (claimed == 0 || booked)
            {
                if (!booked)
                {
                    await places.GiveBackAsync(activity.Id, day, ct);
                }
                continue;
            }
            db.Bookings.Add(new Booking
            {
                MunicipalityId = activity.MunicipalityId,
                ChildId = entry.ChildId,
                ActivityId = activity.Id,
                Date = day,
                CreatedAtUtc = now.UtcDateTime,
                CreatedByAccountId = entry.AccountId,
            });
            await EmailAsync(entry, activity, context, ct);
            return entry;
        }
        return null;
    }

    /// <summary>Entries whose booking deadline has passed without a place lapse. Runs for the context's collectivité.</summary>
    public async Task<int> LapseAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var holidays = await db.Municipalities.AsNoTracking().Where(m => m.Id == db.CurrentMunicipalityId).Select(m => m.Holidays).SingleAsync(ct);
        var open = await db.WaitingEntries.AsNoTracking().Where(e => e.State == WaitingState.Waiting).ToListAsync(ct);
        var activityIds = open.Select(e => e.ActivityId).Distinct().ToList();
        var rules = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Rule, ct);
        bool Working(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchPublicHolidays.IsHoliday(d, holidays);
        var lapsed = open.Where(e => now >= rules[e.ActivityId].BookingDeadline.Instant(e.Date, Working, ParisClock.Zone)).Select(e => e.Id).ToList();
        // Conditional, like the promotion's claim: an entry promoted meanwhile, or lapsed by another server
        // running the job at the same moment, is left as it is. Returns the entries this run lapsed.
        return await db.WaitingEntries.Where(e => lapsed.Contains(e.Id) && e.State == WaitingState.Waiting)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, WaitingState.Lapsed).SetProperty(e => e.ResolvedAtUtc, now.UtcDateTime), ct);
    }

    private async Task EmailAsync(WaitingEntry entry, Activity activity, DayContext context, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Include(c => c.Family).SingleAsync(c => c.Id == entry.ChildId, ct);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == activity.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == entry.AccountId).Select(u => new { u.Email, u.EmailConfirmed }).SingleOrDefaultAsync(ct);
        var cancelBy = TimeZoneInfo.ConvertTime(context.Rule.CancellationDeadline.Instant(entry.Date, context.IsWorkingDay, ParisClock.Zone), ParisClock.Zone);
        var addresses = new[] { child.Family!.Email, account is { EmailConfirmed: true } ? account.Email : null }
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            outbox.Enqueue(new OutgoingEmail
            {
                ToAddress = address,
                ToName = child.Family.HouseholdName,
                Subject = $"Place obtenue sur liste d'attente – {municipality}",
                Paragraphs =
                [
                    $"Une place s'est libérée : {child.FirstName} est réservé(e) pour {activity.Label} le {FrenchDates.Spelled(entry.Date)}.",
                    $"Si vous n'en avez plus besoin, annulez cette réservation sans frais dans « Mes réservations » avant le {cancelBy:dd/MM/yyyy} à {cancelBy:HH\\:mm} (cliquez sur le jour réservé puis « Valider »).",
                ],
                Action = new EmailLink("Voir mes réservations", links.Absolute("/reservations")),
                MunicipalityId = activity.MunicipalityId,
                MunicipalityName = municipality,
            });
        }
    }
}

/// <summary>Waiting entries lapse once the booking deadline of their day has passed.</summary>
public sealed class DayWaitingLapseJob(FamilyPortalDbContext db, IServiceScopeFactory scopes) : IScheduledJob
{
    public string Name => "listes-attente-jours-echues";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var municipalities = await db.WaitingEntries.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(e => e.State == WaitingState.Waiting).Select(e => e.MunicipalityId).Distinct().ToListAsync(cancellationToken);
        foreach (var municipalityId in municipalities)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(municipalityId);
            await scope.ServiceProvider.GetRequiredService<DayWaitingList>().LapseAsync(cancellationToken);
        }
    }
}
