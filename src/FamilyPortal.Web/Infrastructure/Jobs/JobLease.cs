namespace FamilyPortal.Web.Infrastructure.Jobs;

/// <summary>One row per scheduled job: who runs it now, until when, and when it is next due.</summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? HolderId { get; set; }
    public DateTime? LeasedUntilUtc { get; set; }
    public DateTime NextRunAtUtc { get; set; }
    public DateTime? LastCompletedAtUtc { get; set; }
    public string? LastError { get; set; }
}
