namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// The last number given in one sequence (collectivité, kind, year). It is raised by a single conditional
/// statement inside the transaction that writes the documents, so a rolled-back issue leaves no gap and two
/// issues at once never share a number.
/// </summary>
public class DocumentCounter : ITenantOwned
{
    public int MunicipalityId { get; set; }
    public DocumentSeries Series { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
