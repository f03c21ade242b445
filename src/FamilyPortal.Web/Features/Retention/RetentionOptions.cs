using System.ComponentModel.DataAnnotations;

namespace FamilyPortal.Web.Features.Retention;

/// <summary>
/// How long the portal keeps each kind of data (section « Retention »). « Mentions légales » print these very
/// values and the retention jobs enforce them, so the page and the deletions can never disagree.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>A refused document (from its refusal) or an expired one (from its last day of validity).</summary>
    [Range(1, 120)]
    public int RefusedOrExpiredDocumentMonths { get; set; } = 6;

    /// <summary>The fiches sanitaires of a family that left the collectivité, from the day it left.</summary>
    [Range(1, 120)]
    public int DepartedFamilyHealthMonths { get; set; } = 12;

    /// <summary>A parent account not signed in for this long is warned, then deleted after the grace period.</summary>
    [Range(1, 10)]
    public int InactiveAccountYears { get; set; } = 3;

    [Range(1, 365)]
    public int InactiveAccountGraceDays { get; set; } = 30;

    /// <summary>A messagerie thread, from its last message.</summary>
    [Range(1, 120)]
    public int MessageThreadMonths { get; set; } = 24;

    /// <summary>Journal entries, from the moment they were written.</summary>
    [Range(1, 120)]
    public int JournalMonths { get; set; } = 12;

    /// <summary>Copies of the mail sent (or abandoned), from the moment it was sent or abandoned.</summary>
    [Range(1, 120)]
    public int SentMailMonths { get; set; } = 6;
}
