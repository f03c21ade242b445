using System.Collections.Frozen;

namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>
/// International bank account numbers (ISO 13616): a country of the SEPA scheme, its own length, and the
/// mod-97 check (ISO 7064) over the account moved behind the country and check digits.
/// </summary>
public static class Iban
{
    /// <summary>Lengths of the IBANs of the countries and territories of the SEPA schemes (EPC list).</summary>
    public static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24,
        ["AT"] = 20,
        ["BE"] = 16,
        ["BG"] = 22,
        ["CH"] = 21,
        ["CY"] = 28,
        ["CZ"] = 24,
        ["DE"] = 22,
        ["DK"] = 18,
        ["EE"] = 20,
        ["ES"] = 24,
        ["FI"] = 18,
        ["FR"] = 27,
        ["GB"] = 22,
        ["GI"] = 23,
        ["GR"] = 27,
        ["HR"] = 21,
        ["HU"] = 28,
        ["IE"] = 22,
        ["IS"] = 26,
        ["IT"] = 27,
        ["LI"] = 21,
        ["LT"] = 20,
        ["LU"] = 20,
        ["LV"] = 21,
        ["MC"] = 27,
        ["MT"] = 31,
        ["NL"] = 18,
        ["NO"] = 15,
        ["PL"] = 28,
        ["PT"] = 25,
        ["RO"] = 24,
        ["SE"] = 24,
        ["SI"] = 19,
        ["SK"] = 24,
        ["SM"] = 27,
        ["VA"] = 22,
        // French overseas departments and collectivities with their own IBAN prefix.
        ["GF"] = 27,
        ["GP"] = 27,
        ["MQ"] = 27,
        ["RE"] = 27,
        ["YT"] = 27,
        ["PM"] = 27,
        ["BL"] = 27,
        ["MF"] = 27,
    }.ToFrozenDictionary();

    public const int MaxLength = 34;

    /// <summary>The IBAN as typed: spaces (and no-break spaces) removed, upper case.</summary>
    public static string Normalize(string? input) =>
        new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();

    /// <summary>The IBAN normalised, or the French reason why it is not one.</summary>
    public static bool TryParse(string? input, out string iban, out string error)
    {
        iban = Normalize(input);
        error = "";
        if (iban.Length == 0)
        {
            error = "Saisissez l'IBAN du compte à débiter.";
        }
        else if (iban.Length > MaxLength || !iban.All(char.IsAsciiLetterOrDigit))
        {
            error = "Un IBAN ne contient que des lettres et des chiffres (34 au plus), par exemple FR76 3000 6000 0112 3456 7890 189.";
        }
        else if (iban.Length < 5 || !Lengths.TryGetValue(iban[..2], out var length))
        {
            error = "Cet IBAN n'est pas celui d'un pays de la zone SEPA : il doit commencer par le code du pays (FR pour la France).";
        }
        else if (iban.Length != length)
        {
            error = $"Un IBAN {iban[..2]} compte {length} caractères ; celui-ci en compte {iban.Length}.";
        }
        else if (!char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]) || !Mod97.IsValid(iban[4..] + iban[..4]))
        {
            error = "Cet IBAN est incorrect (sa clé de contrôle ne correspond pas) : vérifiez-le sur votre RIB.";
        }
        if (error.Length > 0)
        {
            iban = "";
            return false;
        }
        return true;
    }

    /// <summary>What is shown of an IBAN: its country and check digits and its last four characters (« FR76 **** **** 1234 »).</summary>
    public static string Mask(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        return iban.Length < 8 ? "****" : $"{iban[..4]} **** **** {iban[^4..]}";
    }

    /// <summary>The IBAN in groups of four, as on a RIB.</summary>
    public static string Grouped(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        return string.Join(' ', iban.Chunk(4).Select(c => new string(c)));
    }
}
