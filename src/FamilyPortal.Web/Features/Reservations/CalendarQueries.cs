using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// The reads of <see cref="CalendarLoader"/>, compiled once per server: every grid, basket click and « Valider »
/// runs them, and building and looking up their LINQ trees at each call cost more of the portal's time than
/// SQLite took to answer them (docs/performance.md, « The week grid's cost »). The tenant filter still applies.
/// </summary>
internal static class CalendarQueries
{
    // Named rows, not value tuples: PostgreSQL's provider would read a tuple as one record column.
    /// <summary>A capacity changed for a day, or the day's load (<see cref="IsLoad"/>).</summary>
    public sealed class DayPlaces
    {
        public bool IsLoad { get; init; }
        public int ActivityId { get; init; }
        public DateOnly Date { get; init; }
        public int Value { get; init; }
    }

    public sealed record ChildDay(int ChildId, int ActivityId, DateOnly Date);

    public sealed record BasketDay(int ChildId, int ActivityId, DateOnly Date, BasketLineKind Kind);

    public sealed record EnrolmentRange(int ChildId, int ActivityId, DateOnly StartDate, DateOnly EndDate);

    public sealed record WaitingDay(long Id, int ChildId, int ActivityId, DateOnly Date, DateTime CreatedAtUtc);

    /// <summary>The days' places in one statement: the capacity changes, then the day loads.</summary>
    public static readonly Func<FamilyPortalDbContext, int[], DateOnly, DateOnly, IAsyncEnumerable<DayPlaces>> Places =
        EF.CompileAsyncQuery((FamilyPortalDbContext db, int[] activityIds, DateOnly from, DateOnly to) =>
            db.CapacityOverrides.AsNoTracking().Where(o => activityIds.Contains(o.ActivityId) && o.Date >= from && o.Date <= to)
                .Select(o => new DayPlaces { IsLoad = false, ActivityId = o.ActivityId, Date = o.Date, Value = o.Capacity })
                .Concat(db.ActivityDayLoads.AsNoTracking().Where(l => activityIds.Contains(l.ActivityId) && l.Date >= from && l.Date <= to)
                    .Select(l => new DayPlaces { IsLoad = true, ActivityId = l.ActivityId, Date = l.Date, Value = l.Booked })));

    public static readonly Func<FamilyPortalDbContext, int[], DateOnly, DateOnly, IAsyncEnumerable<ChildDay>> Bookings =
        EF.CompileAsyncQuery((FamilyPortalDbContext db, int[] childIds, DateOnly from, DateOnly to) =>
            db.Bookings.AsNoTracking()
                .Where(b => childIds.Contains(b.ChildId) && b.Date >= from && b.Date <= to && b.CancelledAtUtc == null)
                .Select(b => new ChildDay(b.ChildId, b.ActivityId, b.Date)));

    public static readonly Func<FamilyPortalDbContext, string, int[], DateOnly, DateOnly, IAsyncEnumerable<BasketDay>> Basket =
        EF.CompileAsyncQuery((FamilyPortalDbContext db, string accountId, int[] childIds, DateOnly from, DateOnly to) =>
            db.BasketLines.AsNoTracking()
                .Where(l => l.AccountId == accountId && childIds.Contains(l.ChildId) && l.Date >= from && l.Date <= to)
                .Select(l => new BasketDay(l.ChildId, l.ActivityId, l.Date, l.Kind)));

    public static readonly Func<FamilyPortalDbContext, int[], int[], DateOnly, DateOnly, IAsyncEnumerable<EnrolmentRange>> Enrolments =
        EF.CompileAsyncQuery((FamilyPortalDbContext db, int[] childIds, int[] activityIds, DateOnly from, DateOnly to) =>
            db.Enrolments.AsNoTracking()
                .Where(e => childIds.Contains(e.ChildId) && activityIds.Contains(e.ActivityId) && e.State == EnrolmentState.Enrolled
                    && e.StartDate <= to && e.EndDate >= from)
                .Select(e => new EnrolmentRange(e.ChildId, e.ActivityId, e.StartDate, e.EndDate)));

    /// <summary>Every child waiting for the days on which one of <c>childIds</c> waits: ranks count them all.</summary>
    public static readonly Func<FamilyPortalDbContext, int[], int[], DateOnly, DateOnly, IAsyncEnumerable<WaitingDay>> Waiting =
        EF.CompileAsyncQuery((FamilyPortalDbContext db, int[] childIds, int[] activityIds, DateOnly from, DateOnly to) =>
            db.WaitingEntries.AsNoTracking()
                .Where(e => activityIds.Contains(e.ActivityId) && e.Date >= from && e.Date <= to && e.State == WaitingState.Waiting
                    && db.WaitingEntries.Any(mine => childIds.Contains(mine.ChildId) && mine.ActivityId == e.ActivityId
                        && mine.Date == e.Date && mine.State == WaitingState.Waiting))
                .Select(e => new WaitingDay(e.Id, e.ChildId, e.ActivityId, e.Date, e.CreatedAtUtc)));
}
