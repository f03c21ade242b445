namespace FamilyPortal.Web.Infrastructure.ReferenceData;

/// <summary>
/// The version of one collectivité's reference data (activities, calendar, rules…): a new value each time staff
/// change it (<see cref="ReferenceDataStampInterceptor"/>), so that every portal server knows its cached copy is
/// stale. Holds nothing but the value; made with the collectivité.
/// </summary>
public sealed class ReferenceDataStamp
{
    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public long Version { get; set; }
}
