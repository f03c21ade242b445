namespace FamilyPortal.Web.Features.Enrolments.Rules;

public static class PreviousPeriod
{
    /// <summary>
    /// The period just before the campaign's: the latest of the known starts (the school years, or the periods the
    /// activity enrolled for) that is earlier than the campaign's start; null when there is none.
    /// </summary>
    public static DateOnly? StartBefore(IEnumerable<DateOnly> knownStarts, DateOnly periodStart)
    {
        ArgumentNullException.ThrowIfNull(knownStarts);
        var earlier = knownStarts.Where(s => s < periodStart).ToList();
        return earlier.Count == 0 ? null : earlier.Max();
    }
}
