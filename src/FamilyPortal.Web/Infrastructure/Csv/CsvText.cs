using System.Globalization;
using System.Text;

namespace FamilyPortal.Web.Infrastructure.Csv;

/// <summary>
/// CSV for spreadsheets opened in France: « ; » separators, a UTF-8 byte order mark so accents survive, and
/// no cell that a spreadsheet would run as a formula (a value starting with = + - @ is prefixed with « ' »).
/// </summary>
public static class CsvText
{
    public static string Cell(string? value)
    {
        var text = (value ?? "").Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([';', '"']) >= 0 || text.StartsWith(' ') ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>An amount as a French spreadsheet reads it: decimal comma, no thousands separator, no currency sign.</summary>
    public static string Amount(decimal value) => value.ToString("0.00", CultureInfo.GetCultureInfo("fr-FR"));

    public static byte[] Document(IEnumerable<IEnumerable<string?>> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(';', row.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
