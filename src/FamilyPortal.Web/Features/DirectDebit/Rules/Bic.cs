namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>
/// Business identifier codes (ISO 9362): 4 letters for the bank, 2 for the country, 2 letters or digits for the
/// place, and an optional 3 for the branch — 8 or 11 characters.
/// </summary>
public static class Bic
{
    public static bool TryParse(string? input, out string bic, out string error)
    {
        bic = new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        error = "";
        if (bic.Length == 0)
        {
            error = "Saisissez le BIC de la banque (8 ou 11 caractères, sur votre RIB).";
        }
        else if (!IsValid(bic))
        {
            error = "Un BIC compte 8 ou 11 caractères : 4 lettres pour la banque, 2 pour le pays, puis 2 lettres ou chiffres (et 3 de plus pour l'agence), par exemple AGRIFRPP882.";
        }
        if (error.Length > 0)
        {
            bic = "";
            return false;
        }
        return true;
    }

    public static bool IsValid(string bic) =>
        bic.Length is 8 or 11
        && bic[..6].All(char.IsAsciiLetterUpper)
        && bic[6..].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
