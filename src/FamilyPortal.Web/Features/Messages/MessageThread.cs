namespace FamilyPortal.Web.Features.Messages;

/// <summary>
/// A conversation between a family and its collectivité, on one subject of the collectivité's list. Its
/// messages carry who wrote them and whether each side has read them.
/// </summary>
public class MessageThread : ITenantOwned
{
    public const int SubjectMaxLength = MessageRules.SubjectMaxLength;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    /// <summary>The subject's name as chosen: the thread keeps it when the list changes.</summary>
    public required string Subject { get; set; }
    public ThreadStatus Status { get; set; } = ThreadStatus.New;
    /// <summary>The agent or administrator in charge, or null.</summary>
    public string? AssignedAccountId { get; set; }
    /// <summary>The town hall wrote first (« Écrire à la famille »).</summary>
    public bool StartedByStaff { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The last message or change: the inbox's order, and the start of the retention period.</summary>
    public DateTime UpdatedAtUtc { get; set; }
    public List<Message> Messages { get; } = [];
}
