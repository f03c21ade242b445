namespace FamilyPortal.Web.Features.Invoices;

/// <summary>A family's quotient familial, entered by staff from the CAF certificate, valid between two dates (inclusive).</summary>
public class FamilyQuotient : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public int Value { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    public bool Covers(DateOnly day) => ValidFrom <= day && day <= ValidTo;

    public bool Overlaps(DateOnly from, DateOnly to) => ValidFrom <= to && from <= ValidTo;
}
