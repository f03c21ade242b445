namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// A file a family deposited for one of the collectivité's document types. Its content is sealed with the
/// Data Protection key ring before it is written (see <see cref="SensitiveData"/>) and lives in the database,
/// never on disk, so that every portal server reads it and a copy of the database alone reveals nothing.
/// </summary>
public class SupportingDocument : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    /// <summary>For a per-child type; null for a per-family type.</summary>
    public int? ChildId { get; set; }
    public int TypeId { get; set; }
    public SupportingDocumentType? Type { get; set; }
    public DocumentStatus Status { get; set; } = DocumentStatus.Deposited;
    /// <summary>Why the collectivité refused it, shown to the family.</summary>
    public string? RefusalReason { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedByAccountId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedByAccountId { get; set; }
    /// <summary>Last day of validity (Paris), set at validation when the type has a validity.</summary>
    public DateOnly? ExpiresOn { get; set; }
    /// <summary>When the family was told that the document expires soon.</summary>
    public DateTime? ExpiryReminderSentAtUtc { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>Size of the clear content, as stored (images after re-encoding).</summary>
    public long Size { get; set; }
    /// <summary>SHA-256 of the clear content as stored, lowercase hex.</summary>
    public required string Sha256 { get; set; }
    public required byte[] SealedContent { get; set; }
}
