namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// A facture: one family, one month, one number. Once issued its lines, total and number never change;
/// corrections are credit notes. Only what was paid or credited moves, under a version token.
/// </summary>
public class Invoice : ITenantOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    /// <summary>First day of the invoiced month.</summary>
    public DateOnly Month { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public DateOnly IssueDate { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>The household's name as it was on the day of issue.</summary>
    public required string HouseholdName { get; set; }
    public decimal Total { get; set; }
    public bool HighestBracketApplied { get; set; }
    public decimal Credited { get; set; }
    public decimal Paid { get; set; }
    public InvoiceStatus Status { get; set; }
    /// <summary>Concurrency token, raised by every payment and credit note.</summary>
    public int Version { get; set; }
    public List<InvoiceLine> Lines { get; } = [];

    public BillingMonth BillingMonth => BillingMonth.Of(Month);

    public decimal Remaining => InvoiceStatuses.Remaining(Total, Credited, Paid);
}

/// <summary>A line of an issued invoice, with the names as they were on the day of issue.</summary>
public class InvoiceLine : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int InvoiceId { get; set; }
    public int Position { get; set; }
    public int ChildId { get; set; }
    public required string ChildName { get; set; }
    public int ActivityId { get; set; }
    public required string Description { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The tranche applied, e.g. « Tranche B », with « (sans quotient valide) » when it was the highest for lack of one.</summary>
    public string? Bracket { get; set; }
}
