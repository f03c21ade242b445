using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// Reset links live one hour, on the injected clock. The token carries its creation time and the account's
/// security stamp: a reset changes the stamp, so a link works once.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider dataProtection, TimeProvider time)
    : TimedTokenProvider(dataProtection.CreateProtector("FamilyPortal.PasswordReset.v1"), time, Lifetime)
{
    public const string ProviderName = "PasswordReset";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
}

/// <summary>
/// Staff invitations: the link that sets the first password lives three days and works once (setting the
/// password changes the security stamp).
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider dataProtection, TimeProvider time)
    : TimedTokenProvider(dataProtection.CreateProtector("FamilyPortal.Invitation.v1"), time, Lifetime)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "SetFirstPassword";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);
}

/// <summary>A single-use token with a lifetime on the injected clock, bound to the account and its security stamp.</summary>
public abstract class TimedTokenProvider(IDataProtector protector, TimeProvider time, TimeSpan lifetime)
    : IUserTwoFactorTokenProvider<PortalAccount>
{
    private readonly IDataProtector _protector = protector;

    public async Task<string> GenerateAsync(string purpose, UserManager<PortalAccount> manager, PortalAccount user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var created = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var payload = string.Join('|', created, user.Id, purpose, stamp);
        return Base64Url(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalAccount> manager, PortalAccount user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(FromBase64Url(token))).Split('|');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        if (parts.Length != 4 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age >= TimeSpan.Zero && age <= lifetime
            && parts[1] == user.Id && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalAccount> manager, PortalAccount user) => Task.FromResult(false);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
