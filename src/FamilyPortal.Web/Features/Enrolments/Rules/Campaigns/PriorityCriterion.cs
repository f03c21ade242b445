namespace FamilyPortal.Web.Features.Enrolments.Rules;

/// <summary>
/// A priority criterion of a campaign d'inscription. The order of arrival of the requests is deliberately
/// not one: during the window every request counts the same, and the last tie-breaker is a draw.
/// </summary>
public enum PriorityCriterion
{
    /// <summary>« Résidents de la commune »: the family's postcode is one of the campaign's.</summary>
    Resident,
    /// <summary>« Frères et sœurs déjà inscrits »: more siblings holding an inscription come first.</summary>
    SiblingsEnrolled,
    /// <summary>« Les deux parents travaillent », as the family declared it on its request.</summary>
    BothParentsWorking,
    /// <summary>« Quotient familial le plus bas »: a family without a known quotient comes after the others.</summary>
    LowestQuotient,
    /// <summary>
    /// « Enfant inscrit à la période précédente »: the child held a place at the same activity for the school year
    /// or period just before (a renewal comes before a first request).
    /// </summary>
    EnrolledLastPeriod,
    /// <summary>
    /// « Tranche de quotient familial »: the lower tranche (the invoices' tranches) first; families of one tranche
    /// are equal, unlike <see cref="LowestQuotient"/>, so that the next criterion or the draw decides between them.
    /// A family without a known quotient comes after every tranche.
    /// </summary>
    QuotientBracket,
}

public static class PriorityCriteria
{
    public static readonly IReadOnlyList<(PriorityCriterion Criterion, string Code, string Label)> All =
    [
        (PriorityCriterion.Resident, "residents", "Résidents de la commune"),
        (PriorityCriterion.SiblingsEnrolled, "fratrie", "Frères et sœurs déjà inscrits"),
        (PriorityCriterion.BothParentsWorking, "deux-parents-travaillent", "Les deux parents travaillent"),
        (PriorityCriterion.LowestQuotient, "quotient", "Quotient familial le plus bas"),
        (PriorityCriterion.EnrolledLastPeriod, "reinscription", "Enfant inscrit à cette activité la période précédente"),
        (PriorityCriterion.QuotientBracket, "tranche-quotient", "Tranche de quotient familial (la plus basse d'abord)"),
    ];

    public static string Label(PriorityCriterion criterion) => All.Single(c => c.Criterion == criterion).Label;

    /// <summary>What the criterion looks at, as the campaign's page explains it; null when the label says it all.</summary>
    public static string? Detail(PriorityCriterion criterion) => criterion switch
    {
        PriorityCriterion.LowestQuotient => "chaque euro de quotient compte ; QF non connu en dernier",
        PriorityCriterion.EnrolledLastPeriod => "inscrit à la même activité l'année scolaire ou la période précédente",
        PriorityCriterion.QuotientBracket => "tranches des factures ; les familles d'une même tranche sont à égalité ; QF non connu après toutes les tranches",
        _ => null,
    };

    /// <summary>The criteria as stored: their codes in order, separated by commas.</summary>
    public static string Format(IEnumerable<PriorityCriterion> criteria) =>
        string.Join(",", criteria.Select(c => All.Single(a => a.Criterion == c).Code));

    /// <summary>The stored criteria in order; an unknown code is skipped.</summary>
    public static IReadOnlyList<PriorityCriterion> Parse(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(code => All.Where(a => a.Code == code).Select(a => a.Criterion)).ToList();

    public static bool TryParseCode(string? code, out PriorityCriterion criterion)
    {
        foreach (var (known, knownCode, _) in All)
        {
            if (knownCode == code)
            {
                criterion = known;
                return true;
            }
        }
        criterion = default;
        return false;
    }
}
