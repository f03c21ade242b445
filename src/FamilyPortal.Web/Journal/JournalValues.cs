using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FamilyPortal.Web.Journal;

/// <summary>Values as the journal writes them (French dates, « oui »/« non »), and the JSON of the changed fields.</summary>
public static class JournalValues
{
    /// <summary>A long text (a basket's detail) is cut: the journal says what changed, it is not an archive.</summary>
    public const int MaxValueLength = 2000;

    private static readonly JsonSerializerOptions Json = new()
    {
        // Accented letters stay readable in the column, so that the free-text search finds « Élodie ».
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
    };

    public static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "oui" : "non",
            DateOnly d => FrenchDates.Numeric(d),
            TimeOnly t => t.ToString("HH\\:mm", CultureInfo.InvariantCulture),
            // The model keeps instants in UTC; a person reads Paris time.
            DateTime dt => ParisClock.ToParis(dt).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
            DateTimeOffset o => ParisClock.ToParis(o).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
            CancellationKind k => k switch
            {
                CancellationKind.InTime => "dans les délais",
                CancellationKind.Late => "hors délai",
                CancellationKind.Closure => "fermeture",
                _ => "aucune",
            },
            decimal m => m.ToString(FrenchDates.Culture),
            double f => f.ToString(FrenchDates.Culture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is { Length: > MaxValueLength } ? text[..MaxValueLength] + "…" : text;
    }

    public static string Serialize(IReadOnlyList<JournalChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<JournalChange> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<JournalChange>>(json, Json) ?? [];
}
