namespace FamilyPortal.Web.Features.Messages.Rules;

/// <summary>What a message and the list of subjects must be before anything is written.</summary>
public static class MessageRules
{
    public const int TextMaxLength = 4000;
    public const int SubjectMaxLength = 100;
    public const int MaxSubjects = 30;

    public const string TextMissing = "Écrivez votre message.";
    public const string TextTooLong = "Le message dépasse 4 000 caractères.";
    public const string SubjectMissing = "Choisissez le sujet de votre message.";
    public const string SubjectsMissing = "Indiquez au moins un sujet.";
    public const string SubjectTooLong = "Un sujet dépasse 100 caractères.";
    public const string TooManySubjects = "Indiquez 30 sujets au plus.";
    public const string ControlCharacters = "Le texte contient des caractères invisibles non autorisés.";

    /// <summary>Proposed until the collectivité's administrators write their own list.</summary>
    public static readonly IReadOnlyList<string> DefaultSubjects = ["Restauration scolaire", "Périscolaire", "Facturation", "Autre"];

    /// <summary>The text kept (line breaks as « \n », trimmed), or the French problem.</summary>
    public static (string? Text, string? Problem) Text(string? sent)
    {
        var text = (sent ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Length == 0)
        {
            return (null, TextMissing);
        }
        if (text.Length > TextMaxLength)
        {
            return (null, TextTooLong);
        }
        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) ? (null, ControlCharacters) : (text, null);
    }

    /// <summary>One subject per line, blank lines and repeats dropped; or the French problem.</summary>
    public static (IReadOnlyList<string>? Subjects, string? Problem) Subjects(string? sent)
    {
        var lines = (sent ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (lines.Count == 0)
        {
            return (null, SubjectsMissing);
        }
        if (lines.Count > MaxSubjects)
        {
            return (null, TooManySubjects);
        }
        if (lines.Any(l => l.Length > SubjectMaxLength))
        {
            return (null, SubjectTooLong);
        }
        return lines.Any(l => l.Any(char.IsControl)) ? (null, ControlCharacters) : (lines, null);
    }
}
