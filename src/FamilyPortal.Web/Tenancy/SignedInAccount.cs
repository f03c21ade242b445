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

    /// <summary>
    /// The reference data's version of each collectivité the account works on (0 without a stamp row), read in the
    /// same command: the request's first cached read of reference data need not read it again.
    /// </summary>
    public IReadOnlyDictionary<int, long> ReferenceVersions { get; init; } = new Dictionary<int, long>();

    /// <summary>The cookie's session check leaves the account it read here for <see cref="CurrentMunicipalityMiddleware"/>.</summary>
    internal static readonly object ItemKey = new();

    /// <summary>The account, if <paramref name="sessionHash"/> is one of its sessions still running at <paramref name="now"/>.</summary>
    public static Task<SignedInAccount?> ReadWithSessionAsync(
        FamilyPortalDbContext db, string accountId, string sessionHash, DateTime now, CancellationToken ct) =>
        LoadAsync(db, accountId, sessionHash, now, ct);

    /// <summary>The account, without a session check (one signed in during this request).</summary>
    public static Task<SignedInAccount?> ReadAsync(FamilyPortalDbContext db, string accountId, CancellationToken ct) =>
        LoadAsync(db, accountId, sessionHash: null, default, ct);

    private sealed record Row(
        string Id, int? StaffMunicipalityId, string? StaffMunicipalityName, long? StaffReferenceVersion, int? SelectedMunicipalityId,
        bool Suspended, int? MunicipalityId, string MunicipalityName, int? FamilyId, string HouseholdName, long? ReferenceVersion);

    /// <summary>
    /// Compiled once: every signed-in request runs it. The tenant filter is off on purpose: no collectivité is entered
    /// yet. One row per adhésion, joined flat: a nested collection made SQLite copy every adhésion of the platform at
    /// each request before picking this account's.
    /// </summary>
    private static readonly Func<FamilyPortalDbContext, string, string?, DateTime, IAsyncEnumerable<Row>> Rows =
        EF.CompileAsyncQuery((FamilyPortalDbContext db, string accountId, string? sessionHash, DateTime now) =>
            (from u in db.Users
             where u.Id == accountId
                && (sessionHash == null || db.AccountSessions.Any(s => s.IdHash == sessionHash && s.AccountId == u.Id && s.ExpiresAtUtc > now))
             from m in db.Memberships.Where(m => m.AccountId == u.Id).DefaultIfEmpty()
             select new Row(
                 u.Id,
                 u.StaffMunicipalityId,
                 db.Municipalities.Where(s => s.Id == u.StaffMunicipalityId).Select(s => s.Name).FirstOrDefault(),
                 db.ReferenceDataStamps.Where(r => r.MunicipalityId == u.StaffMunicipalityId).Select(r => (long?)r.Version).FirstOrDefault(),
                 u.SelectedMunicipalityId,
                 u.SuspendedAtUtc != null,
                 (int?)m!.MunicipalityId,
                 m.Municipality!.Name,
                 (int?)m.FamilyId,
                 m.Family!.HouseholdName,
                 db.ReferenceDataStamps.Where(r => r.MunicipalityId == m.MunicipalityId).Select(r => (long?)r.Version).FirstOrDefault()))
            .IgnoreQueryFilters(new[] { FamilyPortalDbContext.TenantFilter }).AsNoTracking());

    private static async Task<SignedInAccount?> LoadAsync(
        FamilyPortalDbContext db, string accountId, string? sessionHash, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await Rows(db, accountId, sessionHash, now).ToListAsync(ct);
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
            ReferenceVersions = account.StaffMunicipalityId is { } staffMunicipalityId
                ? new Dictionary<int, long> { [staffMunicipalityId] = account.StaffReferenceVersion ?? 0 }
                : rows.Where(r => r.MunicipalityId is not null).ToDictionary(r => r.MunicipalityId!.Value, r => r.ReferenceVersion ?? 0),
        };
    }
}
