namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>One booking of the month with what pricing needs to know about it.</summary>
public sealed record BillableBooking(
    int ChildId, string ChildName, int ActivityId, string ActivityLabel, decimal ActivityUnitPrice,
    DateOnly Date, bool Cancelled, CancellationKind Cancellation, bool Justified);

/// <summary>A line of an invoice before it is issued: one child, one activity, one price.</summary>
/// <param name="LateCancellation">The days of this line were cancelled past the deadline (billed all the same).</param>
public sealed record DraftLine(
    int ChildId, string ChildName, int ActivityId, string ActivityLabel, bool LateCancellation,
    int Quantity, decimal UnitPrice, decimal Amount, string? Bracket, bool ForLackOfQuotient)
{
    /// <summary>The label printed on the invoice.</summary>
    public string Description => LateCancellation ? $"{ActivityLabel} – annulation hors délai" : ActivityLabel;
}

/// <summary>The invoice of one family for one month, computed: lines, total, and whether the highest tranche was applied for lack of a quotient.</summary>
public sealed record InvoiceDraft(IReadOnlyList<DraftLine> Lines, decimal Total, bool HighestBracketApplied)
{
    public bool IsEmpty => Lines.Count == 0 || Total == 0;
}

/// <summary>
/// Turns a family's bookings of a month into invoice lines: billed days only, grouped by child, activity and
/// price; each line rounded to the cent; the total is the sum of the rounded lines, so the printed lines
/// always add up to the printed total.
/// </summary>
public static class InvoiceCalculator
{
    /// <summary>Names in the order of a French list: accents and case do not move a name.</summary>
    public static readonly StringComparer FrenchOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public const string HighestBracketNotice =
        "Aucun quotient familial valide n'était enregistré pour tout ou partie de la période : le tarif de la tranche la plus haute a été appliqué.";

    /// <param name="quotientOn">The family's quotient valid on a day, or null.</param>
    public static InvoiceDraft Compute(IEnumerable<BillableBooking> bookings, PriceList prices, Func<DateOnly, int?> quotientOn)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(quotientOn);
        var lines = bookings
            .Where(b => BillingRules.IsBilled(b.Cancelled, b.Cancellation, b.Justified))
            .Select(b => (Booking: b, Priced: prices.Price(b.ActivityId, b.ActivityUnitPrice,
                prices.IsPricedByBracket(b.ActivityId) ? quotientOn(b.Date) : null)))
            .GroupBy(x => (x.Booking.ChildId, x.Booking.ChildName, x.Booking.ActivityId, x.Booking.ActivityLabel,
                Late: x.Booking.Cancelled, x.Priced.UnitPrice, x.Priced.Bracket, x.Priced.ForLackOfQuotient))
            .Select(g => (FirstDay: g.Min(x => x.Booking.Date), Line: new DraftLine(g.Key.ChildId, g.Key.ChildName, g.Key.ActivityId, g.Key.ActivityLabel,
                g.Key.Late, g.Count(), g.Key.UnitPrice, Money.Round(g.Count() * g.Key.UnitPrice), g.Key.Bracket, g.Key.ForLackOfQuotient)))
            .OrderBy(x => x.Line.ChildName, FrenchOrder).ThenBy(x => x.Line.ChildId)
            .ThenBy(x => x.Line.ActivityLabel, FrenchOrder).ThenBy(x => x.Line.ActivityId)
            .ThenBy(x => x.Line.LateCancellation).ThenBy(x => x.FirstDay)
            .Select(x => x.Line)
            .ToList();
        return new InvoiceDraft(lines, lines.Sum(l => l.Amount), lines.Any(l => l.ForLackOfQuotient));
    }

    /// <summary>The quotient of a family on a day, from its recorded quotients (the latest recorded wins if two overlap).</summary>
    public static Func<DateOnly, int?> QuotientsOf(IEnumerable<FamilyQuotient> quotients)
    {
        var list = quotients.OrderByDescending(q => q.RecordedAtUtc).ThenByDescending(q => q.Id).ToList();
        return day => list.FirstOrDefault(q => q.Covers(day))?.Value;
    }
}
