namespace FamilyPortal.Web.Features.Enrolments.Rules;

/// <summary>How an activity admits children before they may book it.</summary>
public enum EnrolmentMode
{
    /// <summary>Any child of the site books it directly.</summary>
    None,
    /// <summary>An inscription for the school year.</summary>
    SchoolYear,
    /// <summary>An inscription for a period with its own dates, e.g. « Vacances d'hiver 2027 ».</summary>
    Period,
}

/// <summary>
/// The inscription settings of a prestation, kept on its row. The conditions the collectivité chooses are
/// the age and class limits and the unpaid invoices; the family-file conditions plug in as
/// <c>IEnrolmentCondition</c> services.
/// </summary>
public sealed class EnrolmentSettings
{
    public const int DefaultOfferHours = 48;

    public EnrolmentMode Mode { get; set; }
    /// <summary>Children enrolled per year or period; null means unlimited.</summary>
    public int? Capacity { get; set; }
    /// <summary>Age in whole years on the first day of the year or period.</summary>
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    /// <summary>Classes admitted, separated by commas (« CP, CE1 »); empty admits every class.</summary>
    public string? Classes { get; set; }
    /// <summary>Requests are accepted at once while places remain; otherwise staff decide.</summary>
    public bool AutoAccept { get; set; }
    /// <summary>Refused while the family has an invoice unpaid for more than this many days after its due date.</summary>
    public int? MaxUnpaidDays { get; set; }
    /// <summary>Only for <see cref="EnrolmentMode.Period"/>: the period's name and dates.</summary>
    public string? PeriodLabel { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    /// <summary>
    /// When a place frees, the first on the waiting list is enrolled at once (null) or offered the place for
    /// this many hours, after which the next one gets it.
    /// </summary>
    public int? OfferHours { get; set; }
    /// <summary>Refused while the family has not confirmed its file for the school year of the period (« Mise à jour des dossiers »).</summary>
    public bool RequireConfirmedFile { get; set; }
    /// <summary>Refused while a pièce justificative the activity's service asks for is missing, refused or expired.</summary>
    public bool RequireValidDocuments { get; set; }

    public bool Required => Mode != EnrolmentMode.None;

    public IReadOnlyList<string> ClassList => (Classes ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
