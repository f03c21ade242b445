namespace FamilyPortal.Web.Infrastructure.ReferenceData;

/// <summary>
/// The version of one collectivité's reference data (activities, calendar, rules…), raised each time staff
/// change it, so that every portal server knows its cached copy is stale. Holds nothing but the number.
/// </summary>
public sealed class ReferenceDataStamp
{
    public int MunicipalityId { get; set; }

    public long Version { get; set; }
}
