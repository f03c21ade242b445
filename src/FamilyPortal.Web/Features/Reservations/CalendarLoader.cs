using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>Reads the <see cref="CalendarData"/> of a range: a handful of indexed queries whatever the size of the database.</summary>
public sealed class CalendarLoader(FamilyPortalDbContext db, ReferenceCalendar reference)
{
    /// <summary>Working-day deadlines look back before the first day shown; a month covers any règlement in use.</summary>
    private const int LookBackDays = 31;

    /// <param name="accountId">Whose basket lines to read, or null for none.</param>
    public Task<CalendarData> LoadAsync(
        IReadOnlyCollection<int> activityIds, IReadOnlyCollection<int> childIds, string? accountId,
        DateOnly from, DateOnly to, CancellationToken ct) =>
        LoadAsync(activityIds, childIds, accountId, basketRead: null, from, to, ct);

    /// <param name="basket">The account's basket lines, read already (the grid's page shows them beside it).</param>
    public Task<CalendarData> LoadWithBasketAsync(
        IReadOnlyCollection<int> activityIds, IReadOnlyCollection<int> childIds,
        IReadOnlyDictionary<(int ChildId, int ActivityId, DateOnly Date), BasketLineKind> basket,
        DateOnly from, DateOnly to, CancellationToken ct) =>
        LoadAsync(activityIds, childIds, accountId: null, basket, from, to, ct);

    private async Task<CalendarData> LoadAsync(
        IReadOnlyCollection<int> activityIds, IReadOnlyCollection<int> childIds, string? accountId,
        IReadOnlyDictionary<(int ChildId, int ActivityId, DateOnly Date), BasketLineKind>? basketRead,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var closuresFrom = from.AddDays(-LookBackDays);
        var (holidays, years, allClosures, openActivities) = await reference.GetAsync(ct);
        var closures = allClosures.Where(c => c.StartDate <= to && c.EndDate >= closuresFrom).ToList();
        int[] activities = [.. activityIds], children = [.. childIds];
        var places = await CalendarQueries.Places(db, activities, from, to).ToListAsync(ct);
        var overrides = places.Where(p => !p.IsLoad).ToDictionary(p => (p.ActivityId, p.Date), p => p.Value);
        var loads = places.Where(p => p.IsLoad).ToDictionary(p => (p.ActivityId, p.Date), p => p.Value);
        var bookings = await CalendarQueries.Bookings(db, children, from, to)
            .Select(b => (b.ChildId, b.ActivityId, b.Date)).ToHashSetAsync(cancellationToken: ct);
        var basket = basketRead
            ?? (accountId is null
                ? new Dictionary<(int ChildId, int ActivityId, DateOnly Date), BasketLineKind>()
                : await CalendarQueries.Basket(db, accountId, children, from, to)
                    .ToDictionaryAsync(l => (l.ChildId, l.ActivityId, l.Date), l => l.Kind, cancellationToken: ct));
        // Inscriptions matter only to activities that require one: most grids (canteen, périscolaire) need not read them.
        var enrolmentsMatter = children.Length > 0
            && activities.Any(id => openActivities.FirstOrDefault(a => a.Id == id) is not { Enrolment.Required: false });
        var enrolments = enrolmentsMatter ? await CalendarQueries.Enrolments(db, children, activities, from, to).ToListAsync(ct) : [];
        // Read only while a year is under update, so that the grid stays as cheap as it was otherwise.
        var confirmations = childIds.Count == 0 || !years.Any(y => y.FileUpdateRequired)
            ? []
            : await db.FamilyFileConfirmations.AsNoTracking()
                .Where(c => db.Children.Any(ch => childIds.Contains(ch.Id) && ch.FamilyId == c.FamilyId))
                .Select(c => new { c.FamilyId, c.SchoolYearId })
                .ToListAsync(ct);
        // Ranks count every child waiting for the day, but only the children asked about are kept.
        var waiting = childIds.Count == 0 ? [] : await CalendarQueries.Waiting(db, children, activities, from, to).ToListAsync(ct);
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
            Bookings = bookings,
            Basket = basket,
            WaitingRanks = ranks,
            FileConfirmations = confirmations.Select(c => (c.FamilyId, c.SchoolYearId)).ToHashSet(),
            Enrolments = enrolments.ToLookup(e => (e.ChildId, e.ActivityId), e => (e.StartDate, e.EndDate)),
        };
    }
}
