namespace FamilyPortal.Web.Features.News.Rules;

/// <summary>The publication window of an actualité: « publier du … au … », the end being optional and excluded.</summary>
public static class NewsPublication
{
    public static NewsStatus StatusOf(DateTime? fromUtc, DateTime? untilUtc, DateTime nowUtc) =>
        fromUtc is not { } from ? NewsStatus.Draft
        : nowUtc < from ? NewsStatus.Scheduled
        : untilUtc is { } until && nowUtc >= until ? NewsStatus.Expired
        : NewsStatus.Published;

    /// <summary>The French word staff read in the list.</summary>
    public static string Label(NewsStatus status) => status switch
    {
        NewsStatus.Draft => "brouillon",
        NewsStatus.Scheduled => "programmée",
        NewsStatus.Published => "publiée",
        NewsStatus.Expired => "expirée",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Why the window cannot be saved, or null when it can.</summary>
    public static string? Problem(DateTime? fromUtc, DateTime? untilUtc) =>
        untilUtc is not null && fromUtc is null
            ? "Indiquez aussi la date de début de la publication, ou laissez la date de fin vide."
            : untilUtc is { } until && fromUtc is { } from && until <= from
                ? "La fin de la publication doit être après son début."
                : null;

    /// <summary>
    /// « Retirer maintenant »: a published actualité ends now (it stays in the list as « expirée »); a scheduled
    /// one goes back to draft. Null when there is nothing to withdraw.
    /// </summary>
    public static (DateTime? FromUtc, DateTime? UntilUtc)? Withdrawn(DateTime? fromUtc, DateTime? untilUtc, DateTime nowUtc) =>
        StatusOf(fromUtc, untilUtc, nowUtc) switch
        {
            NewsStatus.Published => (fromUtc, nowUtc),
            NewsStatus.Scheduled => (null, null),
            _ => null,
        };
}
