namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>What a click on a cell does to the basket, and the state the cell shows after it.</summary>
/// <param name="LineToAdd">The basket line to add, if any.</param>
/// <param name="RemovesLine">True when the cell's basket line goes.</param>
/// <param name="Refusal">The verdict refusing the click; nothing changes.</param>
public sealed record CellClick(BasketLineKind? LineToAdd, bool RemovesLine, CellState After, Verdict? Refusal)
{
    public static CellClick Adding(BasketLineKind kind, CellState after) => new(kind, false, after, null);

    public static CellClick Removing(CellState after) => new(null, true, after, null);

    public static CellClick Refused(Verdict verdict, CellState unchanged) => new(null, false, unchanged, verdict);
}
