namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>One tranche as the price list sees it.</summary>
public sealed record BracketBound(int Id, string Label, int MinQuotient);

/// <summary>What one day of an activity costs a family, and why.</summary>
/// <param name="Bracket">The tranche applied, or null when the activity has a single price.</param>
/// <param name="ForLackOfQuotient">No valid quotient: the highest tranche was applied.</param>
public sealed record PricedUnit(decimal UnitPrice, string? Bracket, bool ForLackOfQuotient);

/// <summary>
/// The collectivité's prices: an activity priced by tranche costs the price of the family's tranche; a family
/// without a valid quotient pays the highest tranche; any other activity costs its unit price.
/// </summary>
public sealed class PriceList
{
    private readonly List<BracketBound> _brackets;
    private readonly Dictionary<(int Bracket, int Activity), decimal> _prices;
    private readonly HashSet<int> _byBracket;

    public PriceList(IEnumerable<BracketBound> brackets, IEnumerable<(int BracketId, int ActivityId, decimal Price)> prices)
    {
        _brackets = [.. brackets.OrderBy(b => b.MinQuotient)];
        var known = _brackets.Select(b => b.Id).ToHashSet();
        _prices = prices.Where(p => known.Contains(p.BracketId)).ToDictionary(p => (p.BracketId, p.ActivityId), p => p.Price);
        _byBracket = _prices.Keys.Select(k => k.Activity).ToHashSet();
    }

    public static PriceList UnitPricesOnly { get; } = new([], []);

    public IReadOnlyList<BracketBound> Brackets => _brackets;

    public bool IsPricedByBracket(int activityId) => _byBracket.Contains(activityId);

    /// <summary>The tranche of a quotient: the last one whose lower bound it reaches (the first when below all).</summary>
    public BracketBound? BracketOf(int? quotient) =>
        _brackets.Count == 0 ? null
        : quotient is not { } q ? _brackets[^1]
        : _brackets.LastOrDefault(b => b.MinQuotient <= q) ?? _brackets[0];

    public PricedUnit Price(int activityId, decimal unitPrice, int? quotient)
    {
        if (!_byBracket.Contains(activityId))
        {
            return new PricedUnit(unitPrice, null, false);
        }
        var bracket = BracketOf(quotient)!;
        // A tranche left empty in the grid falls back to the activity's own price.
        var price = _prices.TryGetValue((bracket.Id, activityId), out var p) ? p : unitPrice;
        return new PricedUnit(price, bracket.Label, quotient is null);
    }

    /// <summary>The upper bound shown for a tranche: one euro below the next tranche, or none for the last.</summary>
    public int? UpperBoundOf(BracketBound bracket)
    {
        var index = _brackets.IndexOf(bracket);
        return index >= 0 && index < _brackets.Count - 1 ? _brackets[index + 1].MinQuotient - 1 : null;
    }
}
