namespace FamilyPortal.Web.Features.Enrolments.Rules;

/// <summary>What becomes of a request, and of the first on the waiting list when a place frees.</summary>
public static class EnrolmentDecision
{
    /// <summary>
    /// A request of an eligible child. With automatic acceptance the caller has tried to take a place:
    /// taken means enrolled, otherwise the list. Without it, staff decide while places remain.
    /// </summary>
    public static EnrolmentState OnRequest(bool autoAccept, bool placeTaken, bool full) =>
        autoAccept
            ? placeTaken ? EnrolmentState.Enrolled : EnrolmentState.Waiting
            : full ? EnrolmentState.Waiting : EnrolmentState.Pending;

    /// <summary>The first waiting child gets the freed place: enrolled at once, or offered until a deadline.</summary>
    public static (EnrolmentState State, DateTime? OfferExpiresAtUtc) Promotion(int? offerHours, DateTime nowUtc) =>
        offerHours is { } hours
            ? (EnrolmentState.Offered, nowUtc.AddHours(hours))
            : (EnrolmentState.Enrolled, null);

    /// <summary>An offer not accepted by its deadline goes to the next child.</summary>
    public static bool OfferExpired(DateTime? expiresAtUtc, DateTime nowUtc) => expiresAtUtc is { } end && nowUtc >= end;

    /// <summary>Ranks of a waiting list: by the moment each joined it, then by request number.</summary>
    public static IReadOnlyDictionary<int, int> Ranks(IEnumerable<(int Id, DateTime Since)> waiting) =>
        waiting.OrderBy(w => w.Since).ThenBy(w => w.Id).Select((w, i) => (w.Id, Rank: i + 1)).ToDictionary(w => w.Id, w => w.Rank);
}
