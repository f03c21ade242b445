using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// The authenticator app (TOTP) that staff and the operator must use on top of their password. The
/// « amr » claim is only ever added once the code was checked: the admin policies require it.
/// </summary>
public static class SecondFactor
{
    public const string MethodClaim = "amr";
    public const string MultiFactor = "mfa";
    public const string Issuer = "Portail Famille";

    /// <summary>Staff or the operator. One query for the roles: a parent's sign-in, the common case, asked three times before.</summary>
    public static async Task<bool> IsRequiredAsync(UserManager<PortalAccount> users, PortalAccount account) =>
        account.StaffMunicipalityId is not null
        || (await users.GetRolesAsync(account)).Any(role => role is Roles.Operator or Roles.Administrator or Roles.Agent);

    /// <summary>Where staff land after signing in: the tableau de bord, or the operator's page.</summary>
    public static async Task<string> HomeOfAsync(UserManager<PortalAccount> users, PortalAccount account) =>
        account.StaffMunicipalityId is null && await users.IsInRoleAsync(account, Roles.Operator) ? "/plateforme" : "/admin";

    /// <summary>Digits only: authenticator apps show « 123 456 ».</summary>
    public static string? NormalizeCode(string? code)
    {
        var digits = new string((code ?? "").Where(c => c is not (' ' or '-' or '\u00A0')).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The key as the app asks for it: lowercase groups of four.</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    /// <summary>
    /// The present moment for authenticator codes. The apps read the real clock, so the check does too, even
    /// where the portal's own clock is set to another date (test scenarios, demonstrations).
    /// </summary>
    public static DateTimeOffset AuthenticatorNow() => TimeProvider.System.GetUtcNow();

    public static string OtpAuthUri(string key, string accountName) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountName)}"
        + $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
}
