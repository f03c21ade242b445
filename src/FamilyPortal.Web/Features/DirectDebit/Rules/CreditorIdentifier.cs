namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>
/// The French SEPA creditor identifier (ICS, « identifiant créancier SEPA »), e.g. FR72ZZZ123456: « FR », two
/// check digits, a 3-character business code (« ZZZ » unless the creditor chose one), and the 6-character national
/// identifier given by the Banque de France. The check digits are ISO 7064 MOD 97-10 over the national identifier
/// followed by « FR » — the business code is left out, so the creditor may change it.
/// </summary>
public static class CreditorIdentifier
{
    public const int Length = 13;

    public static bool TryParse(string? input, out string ics, out string error)
    {
        ics = new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        error = "";
        if (ics.Length != Length || !ics.StartsWith("FR", StringComparison.Ordinal) || !ics[2..4].All(char.IsAsciiDigit)
            || !ics[4..].All(char.IsAsciiLetterOrDigit))
        {
            error = "L'ICS (identifiant créancier SEPA) compte 13 caractères : FR, 2 chiffres de contrôle, 3 caractères (souvent ZZZ) et les 6 caractères donnés par la Banque de France, par exemple FR72ZZZ123456.";
        }
        else if (!HasValidCheckDigits(ics))
        {
            error = "Cet ICS est incorrect (sa clé de contrôle ne correspond pas) : recopiez-le depuis le courrier de la Banque de France.";
        }
        if (error.Length > 0)
        {
            ics = "";
            return false;
        }
        return true;
    }

    /// <summary>The check of any SEPA creditor identifier: identifier after the business code, then country and check digits.</summary>
    public static bool HasValidCheckDigits(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return identifier.Length > 7 && Mod97.IsValid(identifier[7..] + identifier[..4]);
    }

    /// <summary>A valid French identifier for a national identifier (for demo data and tests).</summary>
    public static string For(string nationalIdentifier, string businessCode = "ZZZ") =>
        $"FR{Mod97.CheckDigits(nationalIdentifier + "FR")}{businessCode}{nationalIdentifier}";
}
