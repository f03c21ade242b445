using System.Globalization;

namespace FamilyPortal.Web.Features.Enrolments.Rules;

/// <summary>One request gathered by a campaign, with what the criteria look at.</summary>
/// <param name="SiblingsEnrolled">Brothers and sisters of the child holding an inscription already.</param>
/// <param name="Quotient">The family's quotient familial on the first day of the period; null when unknown.</param>
/// <param name="EnrolledLastPeriod">The child held a place at the same activity for the school year or period just before.</param>
/// <param name="Bracket">The family's tranche de quotient; null when its quotient is unknown or there is no tranche.</param>
public sealed record CampaignApplicant(int RequestId, int ActivityId, bool Resident, int SiblingsEnrolled, bool BothParentsWorking, int? Quotient,
    bool EnrolledLastPeriod = false, ApplicantBracket? Bracket = null);

/// <summary>Where a request stands in its activity's allocation: its rank (1 first), a place or not, and why.</summary>
public sealed record CampaignPlacement(int RequestId, int ActivityId, int Rank, bool Accepted, double Draw, string Explanation);

/// <summary>
/// The allocation of a campaign d'inscription. Deterministic: the same requests, criteria and seed always give
/// the same ranks, whatever order the requests are read in, so anyone holding the seed can check the draw.
/// </summary>
public static class CampaignAllocation
{
    /// <summary>
    /// Ranks each activity's requests by the criteria in their order, then by the draw (the smaller number first),
    /// then by request number; the first ones up to the activity's places get a place, the others wait in rank order.
    /// </summary>
    public static IReadOnlyList<CampaignPlacement> Allocate(IEnumerable<CampaignApplicant> applicants, IReadOnlyList<PriorityCriterion> criteria,
        IReadOnlyDictionary<int, int> placesPerActivity, int seed)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(placesPerActivity);
        var placements = new List<CampaignPlacement>();
        foreach (var activity in applicants.GroupBy(a => a.ActivityId).OrderBy(g => g.Key))
        {
            var places = placesPerActivity.GetValueOrDefault(activity.Key);
            var ranked = activity.Select(a => (Applicant: a, Draw: Draw(seed, a.RequestId)))
                .Order(Comparer<(CampaignApplicant Applicant, double Draw)>.Create((x, y) => Compare(x.Applicant, x.Draw, y.Applicant, y.Draw, criteria)))
                .ToList();
            placements.AddRange(ranked.Select((r, i) =>
                new CampaignPlacement(r.Applicant.RequestId, activity.Key, i + 1, i < places, r.Draw, Explain(r.Applicant, r.Draw, criteria))));
        }
        return placements;
    }

    /// <summary>
    /// The request's draw number in [0, 1): SplitMix64 of the seed (high 32 bits) and the request number (low 32
    /// bits), its top 53 bits as a fraction. It depends on nothing else, so it can be recomputed by hand.
    /// </summary>
    public static double Draw(int seed, int requestId)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)requestId;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private static int Compare(CampaignApplicant x, double xDraw, CampaignApplicant y, double yDraw, IReadOnlyList<PriorityCriterion> criteria)
    {
        foreach (var criterion in criteria)
        {
            var order = criterion switch
            {
                PriorityCriterion.Resident => y.Resident.CompareTo(x.Resident),
                PriorityCriterion.SiblingsEnrolled => y.SiblingsEnrolled.CompareTo(x.SiblingsEnrolled),
                PriorityCriterion.BothParentsWorking => y.BothParentsWorking.CompareTo(x.BothParentsWorking),
                PriorityCriterion.LowestQuotient => (x.Quotient ?? int.MaxValue).CompareTo(y.Quotient ?? int.MaxValue),
                PriorityCriterion.EnrolledLastPeriod => y.EnrolledLastPeriod.CompareTo(x.EnrolledLastPeriod),
                PriorityCriterion.QuotientBracket => (x.Bracket?.Position ?? int.MaxValue).CompareTo(y.Bracket?.Position ?? int.MaxValue),
                _ => 0,
            };
            if (order != 0)
            {
                return order;
            }
        }
        var draw = xDraw.CompareTo(yDraw);
        return draw != 0 ? draw : x.RequestId.CompareTo(y.RequestId);
    }

    /// <summary>The rank explained in the criteria's order, e.g. « résident, 1 frère ou sœur inscrit, tirage n° 0,4213 ».</summary>
    public static string Explain(CampaignApplicant applicant, double draw, IReadOnlyList<PriorityCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(criteria);
        var parts = criteria.Select(criterion => criterion switch
        {
            PriorityCriterion.Resident => applicant.Resident ? "résident" : "non résident",
            PriorityCriterion.SiblingsEnrolled => applicant.SiblingsEnrolled switch
            {
                0 => "aucun frère ou sœur inscrit",
                1 => "1 frère ou sœur inscrit",
                var n => $"{n} frères et sœurs inscrits",
            },
            PriorityCriterion.BothParentsWorking => applicant.BothParentsWorking ? "deux parents qui travaillent" : "pas deux parents qui travaillent",
            PriorityCriterion.LowestQuotient => applicant.Quotient is { } q ? $"QF {q.ToString(CultureInfo.InvariantCulture)}" : "QF non connu",
            PriorityCriterion.EnrolledLastPeriod => applicant.EnrolledLastPeriod ? "inscrit ici la période précédente" : "pas inscrit ici la période précédente",
            PriorityCriterion.QuotientBracket => ExplainBracket(applicant),
            _ => "",
        }).ToList();
        parts.Add($"tirage n° {DrawText(draw)}");
        return string.Join(", ", parts);
    }

    private static string ExplainBracket(CampaignApplicant applicant) => applicant switch
    {
        { Bracket: { } b } => $"tranche de QF « {b.Label} » ({b.Position.ToString(CultureInfo.InvariantCulture)} sur {b.Of.ToString(CultureInfo.InvariantCulture)})",
        { Quotient: null } => "QF non connu : après toutes les tranches",
        _ => "aucune tranche de QF définie",
    };

    /// <summary>The draw number as shown: four decimals, French comma.</summary>
    public static string DrawText(double draw) => draw.ToString("0.0000", CultureInfo.GetCultureInfo("fr-FR"));
}
