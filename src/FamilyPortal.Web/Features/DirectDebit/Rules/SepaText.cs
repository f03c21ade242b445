using System.Globalization;
using System.Text;

namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>
/// The characters every SEPA bank accepts: a–z, A–Z, 0–9 and / - ? : ( ) . , ' + and space. Accented letters
/// lose their accent, anything else becomes a space, and the text is cut to the field's length.
/// </summary>
public static class SepaText
{
    private const string Punctuation = "/-?:().,'+ ";

    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c, StringComparison.Ordinal);

    public static string Clean(string? text, int maxLength)
    {
        var decomposed = (text ?? "").Replace("Œ", "OE", StringComparison.Ordinal).Replace("œ", "oe", StringComparison.Ordinal)
            .Replace("Æ", "AE", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal).Replace('’', '\'')
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var kept = IsAllowed(c) ? c : ' ';
            if (kept == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }
            builder.Append(kept);
        }
        var cleaned = builder.ToString().Trim();
        return cleaned.Length > maxLength ? cleaned[..maxLength].TrimEnd() : cleaned;
    }
}
