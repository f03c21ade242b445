namespace FamilyPortal.Web.Features.Activities.Rules;

/// <summary>
/// The label families see on the grid: usually the site's prefix, then the activity's own words
/// (« GJ - PERI SOIR - 16H05/17H05 »). Some labels of the guide are written without it
/// (« JUSTICE - RESTAURATION »), so the prefix is a choice, not a rule.
/// </summary>
public static class ActivityLabel
{
    public const string Separator = " - ";

    public static string Compose(string prefix, string words, bool withPrefix) =>
        withPrefix ? prefix + Separator + words : words;

    public static bool HasPrefix(string prefix, string label) =>
        label.StartsWith(prefix + Separator, StringComparison.OrdinalIgnoreCase);

    /// <summary>The words after the prefix, or the whole label when it has none.</summary>
    public static string WordsOf(string prefix, string label) =>
        HasPrefix(prefix, label) ? label[(prefix.Length + Separator.Length)..] : label;
}
