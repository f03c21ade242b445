using System.Diagnostics;
using System.Globalization;

namespace FamilyPortal.Benchmarks;

/// <summary>
/// A campaign d'inscription's allocation with the pure rules alone: 5,000 requests over 1,200 places in 20
/// activities, every criterion on, timed over several rounds after a warm-up. Figures printed, not asserted.
/// </summary>
internal static class AllocationBenchmark
{
    public const int Requests = 5_000;
    public const int Activities = 20;
    public const int PlacesPerActivity = 60;

    private static readonly PriorityCriterion[] Criteria =
        [PriorityCriterion.Resident, PriorityCriterion.EnrolledLastPeriod, PriorityCriterion.SiblingsEnrolled, PriorityCriterion.BothParentsWorking,
            PriorityCriterion.QuotientBracket, PriorityCriterion.LowestQuotient];

    private static readonly (string Label, int MinQuotient)[] Tranches = [("T1", 0), ("T2", 600), ("T3", 1000), ("T4", 1500)];

    public static string Run(int rounds = 9, int warmup = 3)
    {
        // A fixed town: the same requests at every run, so that figures of two commits compare.
        var random = new Random(2027);
        var applicants = Enumerable.Range(1, Requests).Select(id => new CampaignApplicant(id, 1 + random.Next(Activities),
            Resident: random.Next(100) < 80, SiblingsEnrolled: random.Next(100) < 25 ? 1 + random.Next(2) : 0,
            BothParentsWorking: random.Next(100) < 60, Quotient: random.Next(100) < 90 ? 200 + random.Next(2000) : null,
            EnrolledLastPeriod: random.Next(100) < 30))
            .Select(a => a with { Bracket = QuotientBrackets.Of(Tranches, a.Quotient) }).ToList();
        var places = Enumerable.Range(1, Activities).ToDictionary(a => a, _ => PlacesPerActivity);
        var accepted = 0;
        var times = new List<double>();
        for (var round = 0; round < warmup + rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var placements = CampaignAllocation.Allocate(applicants, Criteria, places, seed: 123_456_789 + round);
            watch.Stop();
            accepted = placements.Count(p => p.Accepted);
            if (round >= warmup)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"Campaign allocation (pure rules): {Requests:N0} requests, {Activities} activities, {Activities * PlacesPerActivity:N0} places, {accepted:N0} given; " +
            $"median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over {rounds} rounds");
    }
}
