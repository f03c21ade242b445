namespace FamilyPortal.Web.Features.Messages;

/// <summary>
/// One message of a thread. An internal note is written by staff for staff: families never see it. The
/// attachment follows the rules of the pièces justificatives and is sealed like them.
/// </summary>
public class Message : ITenantOwned
{
    public const int TextMaxLength = MessageRules.TextMaxLength;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ThreadId { get; set; }
    public MessageSide AuthorSide { get; set; }
    public string? AuthorAccountId { get; set; }
    /// <summary>The author as the thread shows them, kept when their account is gone.</summary>
    public required string AuthorName { get; set; }
    /// <summary>Never copied into the journal (see <see cref="JournalSecrets"/>): it may hold anything a family writes.</summary>
    public required string Text { get; set; }
    public bool IsInternalNote { get; set; }
    public DateTime SentAtUtc { get; set; }
    /// <summary>When the family first read it (its own messages: when sent).</summary>
    public DateTime? ReadByFamilyAtUtc { get; set; }
    /// <summary>When the town hall first read it (its own messages: when sent).</summary>
    public DateTime? ReadByStaffAtUtc { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public long? AttachmentSize { get; set; }
    public string? AttachmentSha256 { get; set; }
    public byte[]? AttachmentSealed { get; set; }

    public bool HasAttachment => AttachmentSealed is not null;
}
