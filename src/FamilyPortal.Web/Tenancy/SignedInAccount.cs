using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Tenancy;

/// <summary>
/// What a signed-in request needs to know of its account before the page runs: its collectivité as staff, or
/// its adhésions and remembered choice as a parent, and whether it is suspended. Read in one command, together
/// with the session check of the auth cookie (<see cref="Features.Accounts.AccountSessions"/>).
/// </summary>
public sealed class SignedInAccount
{
    public required string AccountId { get; init; }
    public int? StaffMunicipalityId { get; init; }
    public string? StaffMunicipalityName { get; init; }
    public int? SelectedMunicipalityId { get; init; }
    public bool Suspended { get; init; }
    public List<MembershipChoice> Memberships { get; init; } = [];

    /// <summary>The cookie's session check leaves the account it read here for <see cref="CurrentMunicipalityMiddleware"/>.</summary>
    internal static readonly object ItemKey = new();

    /// <summary>The accounts' states; the tenant filter is off on purpose: no collectivité is entered yet.</summary>
    public static IQueryable<SignedInAccount> Of(FamilyPortalDbContext db, IQueryable<PortalAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(db);
        return accounts.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .Select(u => new SignedInAccount
            {
                AccountId = u.Id,
                StaffMunicipalityId = u.StaffMunicipalityId,
                StaffMunicipalityName = db.Municipalities.Where(m => m.Id == u.StaffMunicipalityId).Select(m => m.Name).FirstOrDefault(),
                SelectedMunicipalityId = u.SelectedMunicipalityId,
                Suspended = u.SuspendedAtUtc != null,
                Memberships = db.Memberships.Where(m => m.AccountId == u.Id)
                    .OrderBy(m => m.Municipality!.Name)
                    .Select(m => new MembershipChoice(m.MunicipalityId, m.Municipality!.Name, m.FamilyId, m.Family!.HouseholdName))
                    .ToList(),
            });
    }
}
