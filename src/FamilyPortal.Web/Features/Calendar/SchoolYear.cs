namespace FamilyPortal.Web.Features.Calendar;

/// <summary>A school year of a collectivité, e.g. « 2026-2027 » from 01/09/2026 to 03/07/2027.</summary>
public class SchoolYear : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Label { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>« Mise à jour des dossiers » opened: families confirm their file before booking in this year.</summary>
    public bool FileUpdateRequired { get; set; }

    public bool Contains(DateOnly day) => day >= StartDate && day <= EndDate;
}
