using System.Globalization;
using System.Text;
using FamilyPortal.Web.Infrastructure.Csv;

namespace FamilyPortal.Web.Features.Calendar.Rules;

/// <summary>
/// A file of school holidays: a first line naming the columns, then one period per line.
/// Our own format is « Description;Début;Fin » with the first and last days off (dd/MM/yyyy or yyyy-MM-dd).
/// The ministry's open-data file (« Description;Population;Date de début;Date de fin;Zones;… ») gives the
/// day classes resume as its end, and every zone: when a « Zones » column is there, the end is read as the
/// resumption day (the period stops the day before) and each line carries its zone.
/// </summary>
public static class HolidayFile
{
    public const int MaxDescriptionLength = 200;
    public const int MaxDays = 366;
    /// <summary>The ministry's file, every zone and year together, stays far below.</summary>
    public const int MaxLines = 20_000;

    public sealed record Line(int Number, string Description, DateOnly? Start, DateOnly? End, string? Zone, bool ForTeachersOnly, IReadOnlyList<string> Errors);

    public sealed record Parsed(IReadOnlyList<Line> Lines, IReadOnlyList<string> Errors, bool HasZones)
    {
        public IReadOnlyList<string> Zones =>
            [.. Lines.Select(l => l.Zone).OfType<string>().Where(z => z.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    private static readonly string[] DescriptionNames = ["description", "libelle", "motif", "vacances", "nom"];
    private static readonly string[] StartNames = ["debut", "date de debut", "date debut", "du", "start date"];
    private static readonly string[] EndNames = ["fin", "date de fin", "date fin", "au", "end date"];
    private static readonly string[] ZoneNames = ["zones", "zone"];
    private static readonly string[] PopulationNames = ["population"];

    public static Parsed Parse(string text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Parsed([], ["Le fichier est vide."], false);
        }
        var table = CsvFile.Parse(text, MaxLines);
        if (table.Error is not null)
        {
            return new Parsed([], [table.Error], false);
        }
        var rows = table.Records.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0)
        {
            return new Parsed([], ["Le fichier est vide."], false);
        }
        var header = rows[0].Fields.Select(Normalize).ToList();
        var description = IndexOf(header, DescriptionNames);
        var start = IndexOf(header, StartNames);
        var end = IndexOf(header, EndNames);
        var zones = IndexOf(header, ZoneNames);
        var population = IndexOf(header, PopulationNames);
        if (description < 0 || start < 0 || end < 0)
        {
            return new Parsed([], [$"Ligne {rows[0].Line} : la première ligne doit nommer les colonnes « Description », « Début » et « Fin » (lu : « {string.Join(" | ", rows[0].Fields)} »)."], false);
        }
        if (rows.Count == 1)
        {
            return new Parsed([], ["Le fichier ne contient aucune période après la ligne des titres."], zones >= 0);
        }
        var needed = new[] { description, start, end }.Max() + 1;
        var lines = rows.Skip(1).Select(row => ParseLine(row, needed, description, start, end, zones, population, zone)).ToList();
        return new Parsed(lines, [], zones >= 0);
    }

    private static Line ParseLine(CsvRecord row, int needed, int description, int start, int end, int zones, int population, TimeZoneInfo zone)
    {
        var errors = new List<string>();
        if (row.Fields.Count < needed)
        {
            errors.Add($"{row.Fields.Count} colonne(s) au lieu d'au moins {needed} : vérifiez le séparateur (« ; » ou « , »).");
            return new Line(row.Line, string.Join(" ", row.Fields).Trim(), null, null, null, false, errors);
        }
        string Cell(int index) => index >= 0 && index < row.Fields.Count ? row.Fields[index].Trim() : "";
        var text = Cell(description);
        if (text.Length == 0)
        {
            errors.Add("La description est vide.");
        }
        else if (text.Length > MaxDescriptionLength)
        {
            errors.Add($"La description dépasse {MaxDescriptionLength} caractères.");
        }
        var first = ParseDay(Cell(start), zone);
        if (first is null)
        {
            errors.Add($"Date de début « {Cell(start)} » invalide : écrivez-la jj/mm/aaaa (ou aaaa-mm-jj).");
        }
        var last = ParseDay(Cell(end), zone);
        if (last is null)
        {
            errors.Add($"Date de fin « {Cell(end)} » invalide : écrivez-la jj/mm/aaaa (ou aaaa-mm-jj).");
        }
        else if (zones >= 0)
        {
            // The ministry's file ends a period on the day classes resume.
            last = last.Value.AddDays(-1);
        }
        if (first is not null && last is not null)
        {
            if (last < first)
            {
                errors.Add("La date de fin est avant la date de début.");
            }
            else if (last.Value.DayNumber - first.Value.DayNumber >= MaxDays)
            {
                errors.Add("Une période ne peut pas dépasser un an.");
            }
        }
        var teachers = Normalize(Cell(population)) == "enseignants";
        return new Line(row.Line, text, first, last, zones >= 0 ? Cell(zones) : null, teachers, errors);
    }

    /// <summary>dd/MM/yyyy, yyyy-MM-dd, or an instant of the ministry's file (« 2026-10-16T22:00:00+00:00 ») read in Paris.</summary>
    public static DateOnly? ParseDay(string text, TimeZoneInfo zone)
    {
        if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        }
        return null;
    }

    private static int IndexOf(List<string> header, string[] names) => header.FindIndex(names.Contains);

    /// <summary>« Date de début » → « date de debut »: headers compared without case, accents or underscores.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Trim('\uFEFF').Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
        return string.Join(' ', new string(kept).Replace('_', ' ').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
