namespace FamilyPortal.Web.Features.Memberships;

/// <summary>
/// An adhésion: a login (compte) linked to a family file of one collectivité with the family's code.
/// An account follows at most one family per collectivité, so « the family of the parent in the current
/// collectivité » is always a single file.
/// </summary>
public class Membership : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public int FamilyId { get; set; }
    public Family? Family { get; set; }
    public required string AccountId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
