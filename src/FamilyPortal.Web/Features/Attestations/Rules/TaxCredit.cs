namespace FamilyPortal.Web.Features.Attestations.Rules;

/// <summary>
/// The attestation fiscale « frais de garde des enfants de moins de 6 ans » (CGI art. 200 quater B): what the family
/// paid during a civil year for the collectivité's eligible activities of one child.
/// </summary>
public static class TaxCredit
{
    /// <summary>The invoice's total and its lines of every child and activity.</summary>
    public sealed record InvoiceFigures(int InvoiceId, decimal Total, IReadOnlyList<LineFigures> Lines);

    public sealed record LineFigures(int ChildId, int ActivityId, decimal Amount);

    /// <summary>A payment, dated the day the town hall received it.</summary>
    public sealed record PaymentFigures(int InvoiceId, DateOnly Date, decimal Amount);

    public sealed record ActivityAmount(string Activity, decimal Amount);

    /// <summary>
    /// Under 6 on 1 January of <paramref name="year"/> as the tax administration counts it: born on or after
    /// 1 January six years before (for 2025, born in 2019 or later), the child born on that very day included.
    /// A child without a known birth date cannot be attested.
    /// </summary>
    public static bool IsUnderSixOnFirstJanuary(DateOnly? birthDate, int year) =>
        birthDate is { } born && born >= new DateOnly(year - 6, 1, 1);

    /// <summary>
    /// The amounts paid in <paramref name="year"/> (the payment's date decides, not the invoice's month) for the
    /// child's lines of the eligible activities, per activity, rounded to the cent.
    /// A payment is not tied to lines: it pays a share of the whole invoice. So each payment counts for a line in
    /// proportion of that line in the invoice's total (a payment of half the invoice pays half of every line).
    /// Credit notes lower what is paid, never the lines, so they end up spread over the lines the same way.
    /// </summary>
    /// <param name="eligible">The eligible activities (catering already left out) and their labels.</param>
    public static IReadOnlyList<ActivityAmount> PaidIn(int year, int childId, IReadOnlyDictionary<int, string> eligible,
        IEnumerable<InvoiceFigures> invoices, IEnumerable<PaymentFigures> payments)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        var paidInYear = payments.Where(p => p.Date.Year == year)
            .GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var perActivity = new Dictionary<int, decimal>();
        foreach (var invoice in invoices)
        {
            if (invoice.Total <= 0 || !paidInYear.TryGetValue(invoice.InvoiceId, out var paid))
            {
                continue;
            }
            foreach (var line in invoice.Lines.Where(l => l.ChildId == childId && eligible.ContainsKey(l.ActivityId)))
            {
                perActivity[line.ActivityId] = perActivity.GetValueOrDefault(line.ActivityId) + paid * line.Amount / invoice.Total;
            }
        }
        return perActivity.Select(a => new ActivityAmount(eligible[a.Key], Money.Round(a.Value)))
            .Where(a => a.Amount > 0)
            .OrderBy(a => a.Activity, StringComparer.Ordinal).ToList();
    }

    /// <summary>The years a parent may ask for: those over, the last five first (the tax return is made the following spring).</summary>
    public static IReadOnlyList<int> Years(DateOnly today) => Enumerable.Range(1, 5).Select(back => today.Year - back).ToList();
}
