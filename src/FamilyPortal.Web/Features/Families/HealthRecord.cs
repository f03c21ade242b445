namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// A child's fiche sanitaire: one sealed value (<see cref="Rules.HealthSheet"/> through
/// <see cref="SensitiveData"/>), never readable columns.
/// </summary>
public class HealthRecord : ITenantOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public byte[] SealedSheet { get; set; } = [];
    /// <summary>Projet d'accueil individualisé, kept apart in clear: staff lists and the dashboard count on it without opening sheets.</summary>
    public bool HasPai { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}
