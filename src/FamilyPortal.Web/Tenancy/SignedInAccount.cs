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
    public IReadOnlyList<MembershipChoice> Memberships { get; init; } = [];

    /// <summary>The cookie's session check leaves the account it read here for <see cref="CurrentMunicipalityMiddleware"/>.</summary>
    internal static readonly object ItemKey = new();

    /// <summary>
    /// The one account of <paramref name="accounts"/>, or null. The tenant filter is off on purpose: no collectivité
    /// is entered yet. One row per adhésion, joined flat: a nested collection made SQLite copy every adhésion of
    /// the platform at each request before picking this account's.
    /// </summary>
    public static async Task<SignedInAccount?> ReadAsync(FamilyPortalDbContext db, IQueryable<PortalAccount> accounts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
                from u in accounts
                from m in db.Memberships.Where(m => m.AccountId == u.Id).DefaultIfEmpty()
                select new
                {
                    u.Id,
                    u.StaffMunicipalityId,
                    StaffMunicipalityName = db.Municipalities.Where(s => s.Id == u.StaffMunicipalityId).Select(s => s.Name).FirstOrDefault(),
                    u.SelectedMunicipalityId,
                    Suspended = u.SuspendedAtUtc != null,
                    MunicipalityId = (int?)m!.MunicipalityId,
                    MunicipalityName = m.Municipality!.Name,
                    FamilyId = (int?)m.FamilyId,
                    m.Family!.HouseholdName,
                })
            .IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }
        var account = rows[0];
        return new SignedInAccount
        {
            AccountId = account.Id,
            StaffMunicipalityId = account.StaffMunicipalityId,
            StaffMunicipalityName = account.StaffMunicipalityName,
            SelectedMunicipalityId = account.SelectedMunicipalityId,
            Suspended = account.Suspended,
            Memberships = rows.Where(r => r.MunicipalityId is not null)
                .Select(r => new MembershipChoice(r.MunicipalityId!.Value, r.MunicipalityName, r.FamilyId!.Value, r.HouseholdName))
                .OrderBy(m => m.MunicipalityName, StringComparer.CurrentCulture)
                .ToList(),
        };
    }
}
