namespace FamilyPortal.Web.Features.Documents.Rules;

/// <summary>Where a deposited document stands; « à fournir » is the absence of any document.</summary>
public enum DocumentStatus
{
    Deposited,
    Validated,
    Refused,
    Expired,
}

/// <summary>The words a family and staff read for a requirement's state.</summary>
public static class DocumentStatusText
{
    public const string Missing = "à fournir";

    /// <summary>« à fournir », « déposée », « validée », « refusée », « expirée ».</summary>
    public static string Label(DocumentStatus? status) => status switch
    {
        null => Missing,
        DocumentStatus.Deposited => "déposée",
        DocumentStatus.Validated => "validée",
        DocumentStatus.Refused => "refusée",
        DocumentStatus.Expired => "expirée",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The detail after the label: the refusal's reason, or the expiry date.</summary>
    public static string? Detail(DocumentStatus? status, string? refusalReason, DateOnly? expiresOn) => status switch
    {
        DocumentStatus.Refused => string.IsNullOrWhiteSpace(refusalReason) ? null : $"motif : {refusalReason}",
        DocumentStatus.Validated when expiresOn is { } day => $"expire le {FrenchDates.Numeric(day)}",
        DocumentStatus.Expired when expiresOn is { } day => $"expirée le {FrenchDates.Numeric(day)}",
        _ => null,
    };

    /// <summary>The family still has something to deposit: nothing yet, a refused or an expired document.</summary>
    public static bool IsMissing(DocumentStatus? status) => status is null or DocumentStatus.Refused or DocumentStatus.Expired;

    /// <summary>The day a document validated on a day expires (no longer valid from that day), or null when the type never expires.</summary>
    public static DateOnly? ExpiryOf(DateOnly validatedOn, int? validityMonths) =>
        validityMonths is { } months and > 0 ? validatedOn.AddMonths(months) : null;
}
