namespace FamilyPortal.Web.Features.Accounts.Rules;

/// <summary>
/// The password rules of the portal (ANSSI / NIST SP 800-63B): length over composition. At least 12
/// characters, up to 128, any Unicode; no "one digit, one capital" rule; refused when it is a common
/// password or a trivial variation of one, or when it contains the identifiant or the household name.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>zxcvbn scores 0 and 1 are passwords found within a million guesses from the common lists.</summary>
    private const int MinimumStrengthScore = 2;

    /// <summary>Returns a French message explaining the refusal, or null when the password is acceptable.</summary>
    public static string? Check(string? password, params string?[] personalWords)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Le mot de passe est obligatoire.";
        }
        var length = password.EnumerateRunes().Count();
        if (length < MinLength)
        {
            return $"Le mot de passe doit contenir au moins {MinLength} caractères.";
        }
        if (length > MaxLength)
        {
            return $"Le mot de passe ne doit pas dépasser {MaxLength} caractères.";
        }
        foreach (var word in personalWords)
        {
            if (!string.IsNullOrWhiteSpace(word) && word.Trim().Length >= 3
                && password.Contains(word.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return "Le mot de passe ne doit contenir ni votre identifiant ni le nom de votre foyer.";
            }
        }
        var words = personalWords.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!).ToList();
        if (new Zxcvbn.Zxcvbn().EvaluatePassword(password, words).Score < MinimumStrengthScore)
        {
            return "Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en un autre, par exemple une phrase de plusieurs mots.";
        }
        return null;
    }
}
