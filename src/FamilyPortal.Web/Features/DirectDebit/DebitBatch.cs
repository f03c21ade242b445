namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>A month's debit file: the invoices it collects, on one date, as the bank received it.</summary>
public class DebitBatch : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>First day of the invoiced month.</summary>
    public DateOnly Month { get; set; }
    public DateOnly CollectionDate { get; set; }
    /// <summary>The file's « MsgId », unique in the collectivité.</summary>
    public required string MessageId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedByAccountId { get; set; }
    public int TransactionCount { get; set; }
    public decimal Total { get; set; }
    /// <summary>The pain.008 file, sealed (it carries the families' IBANs); its SHA-256 in clear.</summary>
    public required byte[] SealedFile { get; set; }
    public required string FileSha256 { get; set; }
    public List<DebitBatchLine> Lines { get; } = [];
}

/// <summary>An invoice in a debit file. An invoice is in one file at most (unique index).</summary>
public class DebitBatchLine : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int DebitBatchId { get; set; }
    public int InvoiceId { get; set; }
    public int MandateId { get; set; }
    public decimal Amount { get; set; }
    public DebitSequence Sequence { get; set; }
    public DebitLineStatus Status { get; set; } = DebitLineStatus.Scheduled;
    /// <summary>The ISO reason code of a reject (AM04…).</summary>
    public string? RejectReason { get; set; }
    public DateTime? RejectedAtUtc { get; set; }
    public string? RejectedByAccountId { get; set; }
    /// <summary>The invoice's payment recorded when the debit was collected; taken back by a later reject.</summary>
    public long? PaymentId { get; set; }
    public Payment? Payment { get; set; }
}

public enum DebitLineStatus
{
    Scheduled = 1,
    Rejected = 2,
    /// <summary>The collection date has come: the amount is recorded as paid. The bank may still return it.</summary>
    Collected = 3,
}
