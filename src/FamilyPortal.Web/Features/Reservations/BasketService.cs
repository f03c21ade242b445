using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>The panier: cells toggled in and out, periods filled, lines removed, emptied.</summary>
public sealed class BasketService(
    FamilyPortalDbContext db, FamilyActivities family, CalendarLoader calendar, TimeProvider time)
{
    public sealed record Skipped(DateOnly Date, string ChildName, string Reason);

    /// <summary>A click on a cell, as <see cref="BasketCell"/> decides it; a refusal carries the verdict's reason.</summary>
    public async Task<CellState> ToggleAsync(ParentScope scope, int childId, int activityId, DateOnly day, CancellationToken ct)
    {
        var (child, activity) = await family.ResolveAsync(scope, childId, activityId, ct);
        var data = await calendar.LoadAsync([activity.Id], [child.Id], scope.AccountId, day, day, ct);
        var click = BasketCell.Of(data.Context(activity, child, day), time.GetUtcNow(), ParisClock.Zone).Click();
        if (click.Refusal is { } refusal)
        {
            throw refusal.Reason == VerdictReason.NotOffered
                ? ReservationRefusedException.NotFound()
                : new ReservationRefusedException(refusal.Message!);
        }
        if (click.RemovesLine)
        {
            await db.BasketLines.Where(l => l.AccountId == scope.AccountId && l.ChildId == child.Id
                && l.ActivityId == activity.Id && l.Date == day).ExecuteDeleteAsync(ct);
        }
        if (click.LineToAdd is { } kind)
        {
            Add(scope, child.Id, activity.Id, day, kind);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Clicks on the same cell at once (a double tap, two tabs): another one put the same line in the
                // basket first and the basket's unique index refused this one. The click asked for what is done;
                // the next grid shows the cell as the last of them left it.
                db.ChangeTracker.Clear();
            }
        }
        return click.After;
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
            ? (await family.ChildrenAsync(scope, ct)).Where(c => BookingVerdict.IsOffered(c.SiteId, activity.SiteId)).ToList()
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
                var fill = BasketCell.Of(data.Context(activity, kid, day), now, ParisClock.Zone).Fill();
                if (fill.AddsLine)
                {
                    Add(scope, kid.Id, activity.Id, day, BasketLineKind.Add);
                    added++;
                }
                else if (fill.Skip is { } verdict)
                {
                    skipped.Add(new Skipped(day, kid.FirstName, verdict.Message!));
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
