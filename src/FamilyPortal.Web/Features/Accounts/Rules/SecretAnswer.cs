using System.Globalization;
using System.Text;

namespace FamilyPortal.Web.Features.Accounts.Rules;

/// <summary>
/// The answer to the secret question is compared after normalisation, so « Anne », « ANNE » and « anne »
/// match, and so do « Hélène » and « helene ». Only a hash of the normalised answer is stored.
/// </summary>
public static class SecretAnswer
{
    public const int MaxLength = 100;

    public static readonly IReadOnlyList<string> Questions =
    [
        "Nom de votre premier animal de compagnie",
        "Prénom de votre grand-mère maternelle",
        "Ville de naissance de votre père",
        "Nom de votre école primaire",
        "Titre de votre livre d'enfance préféré",
        "Nom de jeune fille de votre mère",
    ];

    public static string Normalize(string answer)
    {
        var decomposed = answer.Trim().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c) || c is '-' or '\'' or '’')
            {
                if (!lastWasSpace)
                {
                    result.Append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            result.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }
        return result.ToString().Trim();
    }
}
