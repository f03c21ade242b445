using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// Identity's EF Core store, with the staff's authenticator keys kept in a Data Protection envelope instead of
/// in clear: with the key ring encrypted by a certificate outside the database, a copy of the database gives
/// no second factor away.
/// </summary>
public sealed class PortalUserStore(FamilyPortalDbContext context, IDataProtectionProvider dataProtection, ILogger<PortalUserStore> logger,
    IdentityErrorDescriber? describer = null)
    : UserStore<PortalAccount, IdentityRole, FamilyPortalDbContext>(context, describer)
{
    /// <summary>Marks a stored value as an envelope; a key stored before (in clear) has no such mark.</summary>
    public const string EnvelopePrefix = "dp1:";

    private const string Purpose = "FamilyPortal.AuthenticatorKey.v1";
    private const string IdentityStoreProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public override Task SetAuthenticatorKeyAsync(PortalAccount user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, EnvelopePrefix + _protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(PortalAccount user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        if (stored is null || !stored.StartsWith(EnvelopePrefix, StringComparison.Ordinal))
        {
            return stored;
        }
        try
        {
            return _protector.Unprotect(stored[EnvelopePrefix.Length..]);
        }
        catch (CryptographicException ex)
        {
            // The key ring lost the key that sealed it: no code can match until the key is enrolled again.
            logger.LogWarning(ex, "Clé d'authentification illisible pour le compte {AccountId} : clé de protection introuvable", user.Id);
            return null;
        }
    }

    /// <summary>
    /// Seals the authenticator keys stored in clear before this store existed. Runs at start-up; a key already
    /// sealed is left as it is. Returns the number of keys sealed.
    /// </summary>
    public static async Task<int> ProtectClearKeysAsync(FamilyPortalDbContext db, IDataProtectionProvider dataProtection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dataProtection);
        var protector = dataProtection.CreateProtector(Purpose);
        var clear = await db.UserTokens
            .Where(t => t.LoginProvider == IdentityStoreProvider && t.Name == AuthenticatorKeyName
                && t.Value != null && !t.Value.StartsWith(EnvelopePrefix))
            .ToListAsync(ct);
        foreach (var token in clear)
        {
            token.Value = EnvelopePrefix + protector.Protect(token.Value!);
        }
        await db.SaveChangesAsync(ct);
        return clear.Count;
    }
}
