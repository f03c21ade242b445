namespace FamilyPortal.Web.Tenancy;

/// <summary>
/// The collectivité the current request works on. It is set from the signed-in user (claims, checked
/// memberships), never from a form field or a URL alone. Without one, tenant-owned rows are invisible
/// and cannot be written.
/// </summary>
public sealed class TenantContext
{
    public int? MunicipalityId { get; private set; }

    /// <summary>Platform work (seeding, the operator, the mail dispatcher) may write any collectivité's rows.</summary>
    public bool IsPlatformScope { get; private set; }

    public void Enter(int municipalityId)
    {
        if (MunicipalityId is { } current && current != municipalityId)
        {
            throw new InvalidOperationException("The request already works on another collectivité.");
        }
        MunicipalityId = municipalityId;
    }

    public void EnterPlatformScope() => IsPlatformScope = true;
}
