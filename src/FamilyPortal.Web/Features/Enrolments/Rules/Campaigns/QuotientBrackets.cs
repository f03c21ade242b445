namespace FamilyPortal.Web.Features.Enrolments.Rules;

/// <summary>The tranche de quotient familial a family falls in: its position (1 for the lowest) among the tranches.</summary>
public sealed record ApplicantBracket(int Position, int Of, string Label);

public static class QuotientBrackets
{
    /// <summary>
    /// The tranche of a quotient: the last one whose lower bound it reaches, the first when below all (as invoices
    /// price it); null when the quotient is unknown or the collectivité has no tranche.
    /// </summary>
    public static ApplicantBracket? Of(IEnumerable<(string Label, int MinQuotient)> brackets, int? quotient)
    {
        ArgumentNullException.ThrowIfNull(brackets);
        var ordered = brackets.OrderBy(b => b.MinQuotient).ToList();
        if (quotient is not { } q || ordered.Count == 0)
        {
            return null;
        }
        var index = Math.Max(0, ordered.FindLastIndex(b => b.MinQuotient <= q));
        return new ApplicantBracket(index + 1, ordered.Count, ordered[index].Label);
    }
}
