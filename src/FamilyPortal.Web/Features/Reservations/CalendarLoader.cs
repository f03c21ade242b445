using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>Reads the <see cref="CalendarData"/> of a range: a handful of indexed queries whatever the size of the database.</summary>
public sealed class CalendarLoader(FamilyPortalDbContext db, ReferenceCalendar reference)
{
    /// <summary>Working-day deadlines look back before the first day shown; a month covers any règlement in use.</summary>
    private const int LookBackDays = 31;

    public async Task<CalendarData> LoadAsync(
        IReadOnlyCollection<int> activityIds, IReadOnlyCollection<int> childIds, string? accountId,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var closuresFrom = from.AddDays(-LookBackDays);
        var (holidays, years, allClosures, _) = await reference.GetAsync(ct);
        var closures = allClosures.Where(c => c.StartDate <= to && c.EndDate >= closuresFrom).ToList();
        var overrides = await db.CapacityOverrides.AsNoTracking()
            .Where(o => activityIds.Contains(o.ActivityId) && o.Date >= from && o.Date <= to)
            .ToDictionaryAsync(o => (o.ActivityId, o.Date), o => o.Capacity, ct);
        var loads = await db.ActivityDayLoads.AsNoTracking()
            .Where(l => activityIds.Contains(l.ActivityId) && l.Date >= from && l.Date <= to)
            .ToDictionaryAsync(l => (l.ActivityId, l.Date), l => l.Booked, ct);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => childIds.Contains(b.ChildId) && b.Date >= from && b.Date <= to && b.CancelledAtUtc == null)
            .Select(b => new { b.ChildId, b.ActivityId, b.Date })
            .ToListAsync(ct);
        var basket = accountId is null
            ? []
            : await db.BasketLines.AsNoTracking()
                .Where(l => l.AccountId == accountId && childIds.Contains(l.ChildId) && l.Date >= from && l.Date <= to)
                .Select(l => new { l.ChildId, l.ActivityId, l.Date, l.Kind })
                .ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => childIds.Contains(e.ChildId) && activityIds.Contains(e.ActivityId) && e.State == EnrolmentState.Enrolled
                && e.StartDate <= to && e.EndDate >= from)
            .Select(e => new { e.ChildId, e.ActivityId, e.StartDate, e.EndDate })
            .ToListAsync(ct);
        // Read only while a year is under update, so that the grid stays as cheap as it was otherwise.
        var confirmations = childIds.Count == 0 || !years.Any(y => y.FileUpdateRequired)
            ? []
            : await db.FamilyFileConfirmations.AsNoTracking()
                .Where(c => db.Children.Any(ch => childIds.Contains(ch.Id) && ch.FamilyId == c.FamilyId))
                .Select(c => new { c.FamilyId, c.SchoolYearId })
                .ToListAsync(ct);
        // Ranks count every child waiting for the day, but only the children asked about are kept.
        var waiting = childIds.Count == 0
            ? []
            : await db.WaitingEntries.AsNoTracking()
                .Where(e => activityIds.Contains(e.ActivityId) && e.Date >= from && e.Date <= to && e.State == WaitingState.Waiting
                    && db.WaitingEntries.Any(mine => childIds.Contains(mine.ChildId) && mine.ActivityId == e.ActivityId && mine.Date == e.Date && mine.State == WaitingState.Waiting))
                .Select(e => new { e.Id, e.ChildId, e.ActivityId, e.Date, e.CreatedAtUtc })
                .ToListAsync(ct);
        var ranks = waiting.GroupBy(e => (e.ActivityId, e.Date))
            .SelectMany(g => g.OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id).Select((e, i) => (Key: (e.ChildId, e.ActivityId, e.Date), Rank: i + 1)))
            .Where(r => childIds.Contains(r.Key.ChildId))
            .ToDictionary(r => r.Key, r => r.Rank);
        return new CalendarData
        {
            Holidays = holidays,
            SchoolYears = years,
            Closures = closures,
            CapacityOverrides = overrides,
            Loads = loads,
            Bookings = bookings.Select(b => (b.ChildId, b.ActivityId, b.Date)).ToHashSet(),
            Basket = basket.ToDictionary(l => (l.ChildId, l.ActivityId, l.Date), l => l.Kind),
            WaitingRanks = ranks,
            FileConfirmations = confirmations.Select(c => (c.FamilyId, c.SchoolYearId)).ToHashSet(),
            Enrolments = enrolments.ToLookup(e => (e.ChildId, e.ActivityId), e => (e.StartDate, e.EndDate)),
        };
    }
}
