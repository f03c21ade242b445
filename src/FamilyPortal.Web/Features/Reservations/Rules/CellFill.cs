namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>What « Réserver sur une période » does with one day.</summary>
/// <param name="AddsLine">The day goes into the basket.</param>
/// <param name="Skip">The verdict refusing a day the parent asked for, to list with its reason.</param>
public sealed record CellFill(bool AddsLine, Verdict? Skip)
{
    public static readonly CellFill Nothing = new(false, null);

    public static readonly CellFill Added = new(true, null);

    public static CellFill Skipped(Verdict verdict) => new(false, verdict);
}
