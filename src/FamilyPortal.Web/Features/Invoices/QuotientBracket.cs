namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// A tranche de quotient familial: from its lower bound up to the next tranche's. Bounds are whole euros, as
/// the CAF gives the quotient.
/// </summary>
public class QuotientBracket : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Label { get; set; }
    /// <summary>Smallest quotient of the tranche, inclusive.</summary>
    public int MinQuotient { get; set; }
    public List<BracketPrice> Prices { get; } = [];
}

/// <summary>The price of one activity for the families of one tranche.</summary>
public class BracketPrice : ITenantOwned
{
    public int MunicipalityId { get; set; }
    public int BracketId { get; set; }
    public int ActivityId { get; set; }
    public decimal Price { get; set; }
}
