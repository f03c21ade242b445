using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>The panier: cells toggled in and out, periods filled, lines removed, emptied.</summary>
public sealed class BasketService(
    FamilyPortalDbContext db, FamilyActivities family, CalendarLoader calendar, ReservationRules rules, TimeProvider time)
{
    public sealed record Skipped(DateOnly Date, string ChildName, string Reason);

    /// <summary>
    /// A click on a cell: a square goes into the basket, a basket line comes out, a booked round becomes a
    /// cancellation request, a hatched one comes back. Anything else is refused with the reason.
    /// </summary>
    public async Task<CellState> ToggleAsync(ParentScope scope, int childId, int activityId, DateOnly day, CancellationToken ct)
    {
        var (child, activity) = await family.ResolveAsync(scope, childId, activityId, ct);
        var data = await calendar.LoadAsync([activity.Id], [child.Id], scope.AccountId, day, day, ct);
        var context = data.Context(activity, child.Id, day);
        var now = time.GetUtcNow();
        var state = rules.StateOf(context, now);
        switch (state)
        {
            case CellState.Bookable:
                Add(scope, child.Id, activity.Id, day, BasketLineKind.Add);
                break;
            case CellState.Booked:
                Add(scope, child.Id, activity.Id, day, BasketLineKind.Cancel);
                break;
            case CellState.ToAdd or CellState.ToCancel:
                await db.BasketLines.Where(l => l.AccountId == scope.AccountId && l.ChildId == child.Id
                    && l.ActivityId == activity.Id && l.Date == day).ExecuteDeleteAsync(ct);
                break;
            case CellState.Full:
                throw new ReservationRefusedException("complet");
            case CellState.BookedLocked:
                throw new ReservationRefusedException(rules.CanCancel(context, now) ?? "annulation impossible");
            default:
                throw new ReservationRefusedException(rules.CanBook(context, now) ?? "fermé");
        }
        await db.SaveChangesAsync(ct);
        return rules.StateOf(context with { BasketLine = state switch
        {
            CellState.Bookable => BasketLineKind.Add,
            CellState.Booked => BasketLineKind.Cancel,
            _ => null,
        } }, now);
    }

    /// <summary>« Réserver sur une période »: every allowed day goes into the basket; the others are listed with why.</summary>
    public async Task<(int Added, List<Skipped> Skipped)> FillPeriodAsync(
        ParentScope scope, int childId, int activityId, DateOnly from, DateOnly to, ServiceDays weekdays, bool siblings, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            throw new ReservationRefusedException("La période doit aller d'une date à une date postérieure, sur un an au plus.", StatusCodes.Status400BadRequest);
        }
        var (child, activity) = await family.ResolveAsync(scope, childId, activityId, ct);
        var children = siblings
            ? (await family.ChildrenAsync(scope, ct)).Where(c => c.SiteId is null || c.SiteId == activity.SiteId).ToList()
            : [child];
        var data = await calendar.LoadAsync([activity.Id], children.Select(c => c.Id).ToList(), scope.AccountId, from, to, ct);
        var now = time.GetUtcNow();
        var added = 0;
        var skipped = new List<Skipped>();
        foreach (var kid in children)
        {
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (!weekdays.Includes(day.DayOfWeek))
                {
                    continue;
                }
                var context = data.Context(activity, kid.Id, day);
                if (context.ChildHasBooking || context.BasketLine is not null)
                {
                    continue;
                }
                var reason = rules.CanBook(context, now) ?? (ReservationRules.IsFull(context) ? "complet" : null);
                if (reason is null)
                {
                    Add(scope, kid.Id, activity.Id, day, BasketLineKind.Add);
                    added++;
                }
                else if (activity.Days.Includes(day.DayOfWeek))
                {
                    skipped.Add(new Skipped(day, kid.FirstName, reason));
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return (added, skipped);
    }

    public Task<int> RemoveLineAsync(ParentScope scope, long lineId, CancellationToken ct) =>
        db.BasketLines.Where(l => l.Id == lineId && l.AccountId == scope.AccountId).ExecuteDeleteAsync(ct);

    public Task<int> ClearAsync(ParentScope scope, CancellationToken ct) =>
        db.BasketLines.Where(l => l.AccountId == scope.AccountId).ExecuteDeleteAsync(ct);

    private void Add(ParentScope scope, int childId, int activityId, DateOnly day, BasketLineKind kind) =>
        db.BasketLines.Add(new BasketLine
        {
            MunicipalityId = scope.MunicipalityId,
            AccountId = scope.AccountId,
            ChildId = childId,
            ActivityId = activityId,
            Date = day,
            Kind = kind,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        });
}
