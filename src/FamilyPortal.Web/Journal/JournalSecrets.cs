using FamilyPortal.Web.Infrastructure.Captcha;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Journal;

/// <summary>
/// What the journal never copies. The journal is read by staff and kept for years: a value that opens
/// an account or a family file (hash, protected code, stamp, token, key) must not end up in it, even
/// hashed. A changed secret is recorded as « modifié » without its values.
/// </summary>
public static class JournalSecrets
{
    /// <summary>Secrets by name, whatever entity carries them.</summary>
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(PortalAccount.PasswordHash),
        nameof(PortalAccount.SecurityStamp),
        nameof(PortalAccount.SecretAnswerHash),
        nameof(Family.AdhesionCodeLookup),
        nameof(Family.AdhesionCodeProtected),
        "AuthenticatorKey",
        "RecoveryCodes",
    };

    /// <summary>
    /// Texts not secret but private, masked for the journal's readers: a message's text may hold anything a family
    /// tells its town hall (health, money), the journal outlives the message and is read by other people than the inbox.
    /// </summary>
    private static readonly HashSet<(Type Entity, string Property)> PrivateTexts =
    [
        (typeof(Message), nameof(Message.Text)),
    ];

    /// <summary>Parts of a name that make a property a secret, for the fields other pages will add.</summary>
    private static readonly string[] SecretFragments = ["Password", "Hash", "Token", "Secret", "Stamp", "Protected", "Cipher", "Salt"];

    /// <summary>Not secret, but noise: concurrency counters and values Identity derives from others.</summary>
    private static readonly HashSet<string> NoiseNames = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(PortalAccount.ConcurrencyStamp),
        nameof(Family.Version),
        nameof(PortalAccount.NormalizedUserName),
        nameof(PortalAccount.NormalizedEmail),
        nameof(PortalAccount.AccessFailedCount),
        nameof(PortalAccount.LastAuthenticatorStep),
        nameof(ITenantOwned.MunicipalityId),
    };

    /// <summary>
    /// Entities never journalled: the journal itself, counters and working data (places of a day, a
    /// parent's basket in progress), and the technical stores of sessions, mail, captchas and keys —
    /// mail bodies carry adhesion codes and links, the Identity tokens are secrets as a whole.
    /// </summary>
    private static readonly HashSet<Type> IgnoredTypes =
    [
        typeof(JournalEntry),
        typeof(ActivityDayLoad),
        typeof(BasketLine),
        typeof(OutboxMessage),
        typeof(AccountSession),
        typeof(AdhesionAttempt),
        typeof(StoredCaptchaChallenge),
        typeof(DataProtectionKey),
        typeof(IdentityUserToken<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserClaim<string>),
    ];

    public static bool IsSecret(string propertyName, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        return clrType == typeof(byte[])
            || SecretNames.Contains(propertyName)
            || SecretFragments.Any(f => propertyName.Contains(f, StringComparison.OrdinalIgnoreCase))
            || propertyName.EndsWith("Key", StringComparison.Ordinal);
    }

    /// <summary>A secret, or a private text of that entity.</summary>
    public static bool IsSecret(string propertyName, Type clrType, Type entityType) =>
        IsSecret(propertyName, clrType) || PrivateTexts.Contains((entityType, propertyName));

    public static bool IsNoise(string propertyName) => NoiseNames.Contains(propertyName);

    public static bool IsIgnored(Type entityType) => IgnoredTypes.Contains(entityType);
}
