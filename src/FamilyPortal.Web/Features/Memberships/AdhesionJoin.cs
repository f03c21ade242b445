using System.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Memberships;

/// <summary>
/// « Adhésion aux collectivités »: links a parent's account to the family file whose code d'adhésion
/// they typed, within the brute-force rule, the family's maximum of accounts and the uniqueness rules.
/// </summary>
public sealed class AdhesionJoin(IServiceScopeFactory scopes, AdhesionCodeVault vault, TimeProvider time, ILogger<AdhesionJoin> logger)
{
    private static readonly string[] TenantFilter = [FamilyPortalDbContext.TenantFilter];

    public async Task<JoinOutcome> JoinAsync(string accountId, string? ipAddress, string? input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (string.IsNullOrWhiteSpace(input))
        {
            return new JoinOutcome(JoinStatus.Missing);
        }
        // Its own scope: the request's TenantContext is entered for the collectivité the parent works on,
        // while the new adhésion belongs to the collectivité of the code, maybe another one.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var emails = scope.ServiceProvider.GetRequiredService<AdhesionEmails>();
        // Failures older than the window count for nobody any more; they are not kept. Outside the
        // transaction below, so that it locks no more than the rows it counts.
        var since = time.GetUtcNow().UtcDateTime - AdhesionAttemptLimit.Window;
        await db.AdhesionAttempts.Where(a => a.AtUtc <= since).ExecuteDeleteAsync(ct);
        try
        {
            return await JoinInTransactionAsync(db, emails, accountId, ipAddress, input, ct);
        }
        catch (DbUpdateException)
        {
            // A unique index refused a link made at the same moment by another request: once more, the
            // checks now see that link and answer with the right message.
            return await JoinInTransactionAsync(db, emails, accountId, ipAddress, input, ct);
        }
    }

    /// <remarks>
    /// The family's count of accounts is read and the new link written in one serializable transaction.
    /// On SQLite the write transaction is taken at its start (BEGIN IMMEDIATE), so concurrent adhésions run
    /// one after the other and each sees the links of the previous ones. On SQL Server the count holds
    /// key-range locks: a concurrent insert into the same family waits or becomes a deadlock victim, which
    /// the execution strategy replays. The unique indexes are the last guard either way.
    /// </remarks>
    private Task<JoinOutcome> JoinInTransactionAsync(FamilyPortalDbContext db, AdhesionEmails emails,
        string accountId, string? ipAddress, string input, CancellationToken ct) =>
        db.InTransactionAsync(IsolationLevel.Serializable, async token =>
        {
            var now = time.GetUtcNow();
            var nowUtc = now.UtcDateTime;
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == accountId, token);
            if (account.StaffMunicipalityId is not null)
            {
                return new JoinOutcome(JoinStatus.StaffAccount);
            }
            // The platform's operator sees every collectivité: its account never becomes a family's too.
            if (await db.UserRoles.AnyAsync(ur => ur.UserId == accountId
                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Operator), token))
            {
                return new JoinOutcome(JoinStatus.OperatorAccount);
            }

            if (await WaitBeforeAttemptAsync(db, accountId, ipAddress, nowUtc, token) is { } wait)
            {
                logger.LogWarning("Code d'adhésion refusé sans examen au compte {AccountId} depuis {IpAddress} : trop de codes erronés",
                    accountId, ipAddress ?? "inconnue");
                return new JoinOutcome(JoinStatus.TooManyAttempts, MinutesToWait: AdhesionAttemptLimit.MinutesToWait(wait));
            }

            var code = AdhesionCode.Normalize(input);
            if (code is null)
            {
                return new JoinOutcome(JoinStatus.Malformed);
            }
            var lookup = vault.Lookup(code);
            var family = await db.Families.IgnoreQueryFilters(TenantFilter)
                .Where(f => f.AdhesionCodeLookup == lookup)
                .Select(f => new
                {
                    f.Id,
                    f.MunicipalityId,
                    f.HouseholdName,
                    f.Email,
                    f.AdhesionCodeRevoked,
                    MunicipalityName = f.Municipality!.Name,
                    f.Municipality.MaxAccountsPerFamily,
                })
                .SingleOrDefaultAsync(token);
            if (family is null)
            {
                db.AdhesionAttempts.Add(new AdhesionAttempt { AccountId = accountId, IpAddress = ipAddress, AtUtc = nowUtc });
                await db.SaveChangesAsync(token);
                // Never the code: a log must not become a list of tried or nearly right codes.
                logger.LogWarning("Code d'adhésion inconnu saisi par le compte {AccountId} depuis {IpAddress}", accountId, ipAddress ?? "inconnue");
                return new JoinOutcome(JoinStatus.Unknown);
            }
            if (family.AdhesionCodeRevoked)
            {
                logger.LogInformation("Code d'adhésion révoqué saisi par le compte {AccountId} pour la famille {FamilyId}", accountId, family.Id);
                return new JoinOutcome(JoinStatus.Revoked, family.MunicipalityName);
            }

            var links = await db.Memberships.IgnoreQueryFilters(TenantFilter)
                .Where(m => m.FamilyId == family.Id || (m.AccountId == accountId && m.MunicipalityId == family.MunicipalityId))
                .Select(m => new { m.FamilyId, m.AccountId })
                .ToListAsync(token);
            if (links.Any(l => l.AccountId == accountId && l.FamilyId == family.Id))
            {
                return new JoinOutcome(JoinStatus.AlreadyLinked, family.MunicipalityName);
            }
            if (links.Any(l => l.AccountId == accountId))
            {
                return new JoinOutcome(JoinStatus.OtherFamilyOfMunicipality, family.MunicipalityName);
            }
            if (links.Count(l => l.FamilyId == family.Id) >= family.MaxAccountsPerFamily)
            {
                logger.LogInformation("Adhésion refusée au compte {AccountId} : la famille {FamilyId} a atteint son maximum de comptes", accountId, family.Id);
                return new JoinOutcome(JoinStatus.FamilyFull, family.MunicipalityName);
            }

            db.Tenant.Enter(family.MunicipalityId);
            db.Memberships.Add(new Membership
            {
                MunicipalityId = family.MunicipalityId,
                FamilyId = family.Id,
                AccountId = accountId,
                CreatedAtUtc = nowUtc,
            });
            emails.Joined(account, family.MunicipalityId, family.MunicipalityName, family.HouseholdName);
            emails.NewAccountLinked(account, family.Email, family.MunicipalityId, family.MunicipalityName, family.HouseholdName, now);
            await db.SaveChangesAsync(token);
            // The parent just acted for this collectivité: it becomes the one they work on.
            await db.Users.Where(u => u.Id == accountId)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.SelectedMunicipalityId, family.MunicipalityId), token);
            logger.LogInformation("Compte {AccountId} rattaché à la famille {FamilyId} de la collectivité {MunicipalityId}",
                accountId, family.Id, family.MunicipalityId);
            return new JoinOutcome(JoinStatus.Joined, family.MunicipalityName);
        }, ct);

    private static async Task<TimeSpan?> WaitBeforeAttemptAsync(FamilyPortalDbContext db, string accountId, string? ipAddress,
        DateTime nowUtc, CancellationToken ct)
    {
        var since = nowUtc - AdhesionAttemptLimit.Window;
        var failures = await db.AdhesionAttempts
            .Where(a => a.AtUtc > since && (a.AccountId == accountId || (ipAddress != null && a.IpAddress == ipAddress)))
            .Select(a => a.AtUtc)
            .ToListAsync(ct);
        return AdhesionAttemptLimit.WaitBefore(failures, nowUtc);
    }
}
