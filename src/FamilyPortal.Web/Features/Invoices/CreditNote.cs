namespace FamilyPortal.Web.Features.Invoices;

/// <summary>An avoir: a correction of an issued invoice, numbered in its own unbroken sequence.</summary>
public class CreditNote : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int InvoiceId { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public DateOnly IssueDate { get; set; }
    /// <summary>The amount credited, positive.</summary>
    public decimal Amount { get; set; }
    public required string Reason { get; set; }
    public string? CreatedByAccountId { get; set; }
}
