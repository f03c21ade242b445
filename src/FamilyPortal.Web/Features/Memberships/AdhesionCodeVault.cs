using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace FamilyPortal.Web.Features.Memberships;

/// <summary>
/// Keeps adhesion codes out of reach of a database copy: a keyed hash (HMAC-SHA256, key from
/// configuration) finds a family in one indexed lookup, and a Data Protection envelope lets staff show it.
/// </summary>
public sealed class AdhesionCodeVault
{
    public const string KeySetting = "Security:AdhesionCodeKey";

    private readonly byte[] _hashKey;
    private readonly IDataProtector _protector;

    public AdhesionCodeVault(IConfiguration configuration, IDataProtectionProvider dataProtection)
    {
        var key = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(key) || Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidOperationException($"{KeySetting} must be set to a secret of at least 32 characters.");
        }
        _hashKey = Encoding.UTF8.GetBytes(key);
        _protector = dataProtection.CreateProtector("FamilyPortal.AdhesionCode.v1");
    }

    /// <summary>The lookup value of a normalised code.</summary>
    public string Lookup(string normalizedCode) =>
        Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalizedCode)));

    public string Protect(string normalizedCode) => _protector.Protect(normalizedCode);

    public string Reveal(string protectedCode) => _protector.Unprotect(protectedCode);

    /// <summary>Sets a family's code (lookup and envelope) from a code already normalised.</summary>
    public void Assign(Family family, string normalizedCode)
    {
        family.AdhesionCodeLookup = Lookup(normalizedCode);
        family.AdhesionCodeProtected = Protect(normalizedCode);
        family.AdhesionCodeRevoked = false;
    }
}
