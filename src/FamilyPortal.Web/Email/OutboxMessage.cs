namespace FamilyPortal.Web.Email;

/// <summary>
/// An email waiting to be sent. It is written in the same transaction as the change that causes it,
/// so a mail is never sent for a change that was rolled back nor lost for one that was committed.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>The collectivité the mail speaks for, when there is one (dashboards only; not a tenant filter:
    /// the dispatcher works for every collectivité).</summary>
    public int? MunicipalityId { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    /// <summary>Stable Message-Id, so that a resend after a crash can be recognised by the receiver.</summary>
    public required string MessageId { get; set; }
    /// <summary>Set while the mail waits for this account to confirm its address; null means it may go.</summary>
    public string? HeldForAccountId { get; set; }
    /// <summary>
    /// The account the mail was written to (its own notices, confirmations, summaries), when there is one:
    /// deleting the account deletes the copies of its own mail, never the town halls' mail to the same address.
    /// </summary>
    public string? AccountId { get; set; }
    /// <summary>Set when a held mail will never be sent (its address is no longer the account's); kept for the staff view.</summary>
    public DateTime? AbandonedAtUtc { get; set; }
    /// <summary>Why the mail was abandoned, in French, as the staff and the developer read it.</summary>
    public string? AbandonReason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}
