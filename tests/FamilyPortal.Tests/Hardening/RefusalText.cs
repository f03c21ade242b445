using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace FamilyPortal.Tests.Hardening;

/// <summary>The messages a page shows to say what was wrong, and whether they speak French.</summary>
public static partial class RefusalText
{
    private const string ErrorContainers =
        ".validation-summary, .field-error, [data-valmsg-for], .notice-error, .error-page, [role=alert]";

    /// <summary>The error messages of the page (summary, field messages, error notices, error page).</summary>
    public static IReadOnlyList<string> MessagesOf(IHtmlDocument page) =>
        page.QuerySelectorAll(ErrorContainers)
            .Select(e => Regex.Replace(e.TextContent, @"\s+", " ").Trim())
            .Where(t => t.Length > 0)
            .Distinct()
            .ToList();

    /// <summary>Why the messages are not an acceptable French refusal, or null when they are.</summary>
    public static string? Problem(IReadOnlyList<string> messages)
    {
        if (messages.Count == 0)
        {
            return "aucun message d'erreur";
        }
        foreach (var message in messages)
        {
            if (English().IsMatch(message))
            {
                return $"message en anglais : « {Shorten(message)} »";
            }
            if (!French().IsMatch(message))
            {
                return $"message qui ne semble pas français : « {Shorten(message)} »";
            }
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    /// <summary>The framework's own messages, which would leak when a page forgets to give its own.</summary>
    [GeneratedRegex(@"\b(The value|is not valid|is required|must be|The field|field is|A value for|Value cannot|is invalid|An error occurred|Exception|Stack trace)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [GeneratedRegex(@"[àâçéèêëîïôûùüÿœ]|\b(le|la|les|un|une|des|de|du|est|pas|votre|vos|saisissez|indiquez|choisissez|cochez|doit|être|ou|et|en|au|aux|ce|cette|page|demande|réessayez|invalide|obligatoire|incorrecte?|prix|montant|nombre|valeur)\b", RegexOptions.IgnoreCase)]
    private static partial Regex French();
}
