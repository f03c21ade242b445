namespace FamilyPortal.Web.Features.Attestations;

/// <summary>
/// An attestation a parent made for a child: numbered once, with the figures and names as they were that day, so
/// that asking for it again gives back the same number and the same document.
/// </summary>
public class Attestation : ITenantOwned
{
    public const int MaxNameLength = 201;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public int ChildId { get; set; }
    public AttestationKind Kind { get; set; }
    /// <summary>Year of issue: the numbering sequence.</summary>
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    /// <summary>The period attested: the whole civil year for the attestation fiscale.</summary>
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>The attestation fiscale's amount paid; null for an attestation de présence.</summary>
    public decimal? Amount { get; set; }
    public required string ChildName { get; set; }
    public DateOnly? ChildBirthDate { get; set; }
    public required string HouseholdName { get; set; }
    /// <summary>The family's responsible adults, « Mme Camille MARTIN, M. Paul MARTIN ».</summary>
    public required string Parents { get; set; }
    public required string MunicipalityName { get; set; }
    public string? MunicipalityAddress { get; set; }
    public string? Siret { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }
    public DateOnly IssueDate { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByAccountId { get; set; }
    public List<AttestationLine> Lines { get; } = [];

    public string FileName => $"attestation-{Number}.pdf";
}

/// <summary>One activity of an attestation: its days (présence) or the amount paid for it (fiscale).</summary>
public class AttestationLine : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int AttestationId { get; set; }
    public int Position { get; set; }
    public required string Activity { get; set; }
    public int Days { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>The days, « 02/03/2026, 05/03/2026 », for an attestation de présence.</summary>
    public string? Dates { get; set; }
}

public enum AttestationKind
{
    /// <summary>« Frais de garde des enfants de moins de 6 ans », for the tax return.</summary>
    Tax = 1,
    /// <summary>Days booked and not cancelled over a period, for an employer or the CAF.</summary>
    Presence = 2,
}
