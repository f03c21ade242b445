using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>The panier as the parent reads it: additions grouped by child and activity, then the cancellation requests.</summary>
public sealed record BasketView(IReadOnlyList<BasketGroup> Additions, IReadOnlyList<BasketEntry> Cancellations, IReadOnlyList<BasketEntry>? WaitingLines = null)
{
    /// <summary>Days asked for on a waiting list.</summary>
    public IReadOnlyList<BasketEntry> Waits => WaitingLines ?? [];

    public bool IsEmpty => Additions.Count == 0 && Cancellations.Count == 0 && Waits.Count == 0;

    public int LineCount => Additions.Sum(g => g.Entries.Count) + Cancellations.Count + Waits.Count;

    /// <summary>Estimated: the prices of the days to book; the invoice is what counts.</summary>
    public decimal EstimatedTotal => Additions.Sum(g => g.UnitPrice * g.Entries.Count);

    /// <summary>Every line by child, activity and day: the grid beside the panier shows them without reading them again.</summary>
    public IReadOnlyDictionary<(int ChildId, int ActivityId, DateOnly Date), BasketLineKind> Cells { get; init; } =
        new Dictionary<(int ChildId, int ActivityId, DateOnly Date), BasketLineKind>();
}

public sealed record BasketGroup(string ChildName, string ActivityLabel, decimal UnitPrice, IReadOnlyList<BasketEntry> Entries);

public sealed record BasketEntry(long Id, string ChildName, string ActivityLabel, DateOnly Date, string? RefusalReason);

public sealed class BasketReader(FamilyPortalDbContext db)
{
    private sealed record Line(
        long Id, int ChildId, int ActivityId, BasketLineKind Kind, DateOnly Date, string? RefusalReason, string FirstName, string Label, decimal UnitPrice);

    /// <summary>Compiled once: every grid and basket page reads it.</summary>
    private static readonly Func<FamilyPortalDbContext, string, IAsyncEnumerable<Line>> Lines =
        EF.CompileAsyncQuery((FamilyPortalDbContext db, string accountId) =>
            db.BasketLines.AsNoTracking()
                .Where(l => l.AccountId == accountId)
                .Join(db.Children, l => l.ChildId, c => c.Id, (l, c) => new { Line = l, c.FirstName })
                .Join(db.Activities, x => x.Line.ActivityId, a => a.Id, (x, a) => new { x.Line, x.FirstName, a.Label, a.UnitPrice })
                .OrderBy(x => x.FirstName).ThenBy(x => x.Label).ThenBy(x => x.Line.Date)
                .Select(x => new Line(x.Line.Id, x.Line.ChildId, x.Line.ActivityId, x.Line.Kind, x.Line.Date, x.Line.RefusalReason, x.FirstName, x.Label, x.UnitPrice)));

    public async Task<BasketView> ReadAsync(ParentScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var lines = await Lines(db, scope.AccountId).ToListAsync(ct);
        var additions = lines.Where(l => l.Kind == BasketLineKind.Add)
            .GroupBy(l => (l.FirstName, l.Label, l.UnitPrice))
            .Select(g => new BasketGroup(g.Key.FirstName, g.Key.Label, g.Key.UnitPrice,
                g.Select(l => new BasketEntry(l.Id, l.FirstName, l.Label, l.Date, l.RefusalReason)).ToList()))
            .ToList();
        var cancellations = lines.Where(l => l.Kind == BasketLineKind.Cancel)
            .Select(l => new BasketEntry(l.Id, l.FirstName, l.Label, l.Date, l.RefusalReason)).ToList();
        var waits = lines.Where(l => l.Kind == BasketLineKind.Wait)
            .Select(l => new BasketEntry(l.Id, l.FirstName, l.Label, l.Date, l.RefusalReason)).ToList();
        return new BasketView(additions, cancellations, waits)
        {
            Cells = lines.ToDictionary(l => (l.ChildId, l.ActivityId, l.Date), l => l.Kind),
        };
    }
}
