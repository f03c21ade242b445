namespace FamilyPortal.Web.Features.Payments;

/// <summary>
/// One online payment a parent started, for one or several invoices of the family. Its result comes only from the
/// service itself (never from the parent's return address), and is applied to the invoices once.
/// </summary>
public class OnlinePayment : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public required string AccountId { get; set; }
    public required string Provider { get; set; }
    /// <summary>The service's operation id (« idOp »); null until the service has created the payment.</summary>
    public string? OperationId { get; set; }
    /// <summary>The client number, year and reference (« refdet ») sent: the result must carry the same.</summary>
    public required string ClientNumber { get; set; }
    public int Year { get; set; }
    public required string Reference { get; set; }
    public decimal Amount { get; set; }
    public required string Email { get; set; }
    public OnlinePaymentStatus Status { get; set; } = OnlinePaymentStatus.Pending;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
    public string? TransactionNumber { get; set; }
    /// <summary>Why staff must check it (a result that does not match what was asked).</summary>
    public string? CheckReason { get; set; }
    /// <summary>When and by whom a payment « à vérifier » was dealt with (refunded, or recorded by hand), and how.</summary>
    public DateTime? CheckedAtUtc { get; set; }
    public string? CheckedByAccountId { get; set; }
    public string? CheckNote { get; set; }
    public List<OnlinePaymentInvoice> Invoices { get; } = [];
}

/// <summary>The part of an online payment that goes to one invoice.</summary>
public class OnlinePaymentInvoice : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int OnlinePaymentId { get; set; }
    public int InvoiceId { get; set; }
    public decimal Amount { get; set; }
}
