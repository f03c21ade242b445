using System.Security.Cryptography;
using System.Text;

namespace FamilyPortal.Web.Features.Memberships.Rules;

/// <summary>The 10-character code d'adhésion of a family: generation and forgiving normalisation.</summary>
public static class AdhesionCode
{
    public const int Length = 10;

    /// <summary>Upper-case letters and digits without the look-alikes 0/O and 1/I/L.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// Upper-cases and drops spaces and dashes, so « wkmly-75koa » is accepted. Returns null when what
    /// remains cannot be a code. Any letter or digit is accepted, not only the generation alphabet:
    /// codes issued before the portal (such as the guide's WKMLY75KOA) contain O and L.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return null;
        }
        var code = new StringBuilder(Length);
        foreach (var c in input)
        {
            if (c is ' ' or '-' or '\t' or '\u00A0')
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            if (!char.IsAsciiLetterUpper(upper) && !char.IsAsciiDigit(upper))
            {
                return null;
            }
            code.Append(upper);
        }
        return code.Length == Length ? code.ToString() : null;
    }
}
