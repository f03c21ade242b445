using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace FamilyPortal.Web.Infrastructure.Csv;

/// <summary>One record of a CSV file, with the number of the line it starts on (the header is line 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>A parsed file, or the reason it could not be read.</summary>
public sealed record CsvTable(char Separator, IReadOnlyList<CsvRecord> Records, string? Error)
{
    public static CsvTable Failed(string error) => new(';', [], error);
}

/// <summary>
/// CSV files as spreadsheets save them in France: UTF-8 (with or without byte order mark) or
/// Windows-1252, « ; » or « , » between fields (taken from the header line), fields quoted as in RFC 4180
/// (separators, quotes doubled and line breaks allowed inside quotes), read by CsvHelper; line numbers are
/// those of the file, for the messages.
/// </summary>
public static class CsvFile
{
    public const string Utf8 = "UTF-8";
    public const string Windows1252 = "Windows-1252";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Bytes that are valid UTF-8 are read as UTF-8; anything else as Windows-1252 (Excel's « CSV (séparateur : point-virgule) »).</summary>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes)
    {
        var body = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        try
        {
            return (StrictUtf8.GetString(body), Utf8);
        }
        catch (DecoderFallbackException)
        {
            // Part of .NET, but only reachable through its provider.
            var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
            return (windows1252.GetString(bytes), Windows1252);
        }
    }

    /// <summary>The header and every following record, at most <paramref name="maxRecords"/> after the header.</summary>
    public static CsvTable Parse(string text, int maxRecords)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Excel may write its own hint « sep=; » above the header.
        var firstLine = 1;
        char? hint = null;
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > 4 && text[4] is ';' or ',')
        {
            hint = text[4];
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            text = end < 0 ? "" : text[(end + 1)..];
            firstLine = 2;
        }
        var separator = hint ?? DetectSeparator(text);
        if (separator is null)
        {
            return CsvTable.Failed("La première ligne doit être la ligne d'en-tête, avec les noms des colonnes séparés par « ; » ou « , ».");
        }
        var unclosedQuoteLine = (int?)null;
        var recordLine = firstLine;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.Value.ToString(),
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = false,
            // A quote inside an unquoted field, or text after a closing quote, is kept as it is; only a quote
            // that opens a field and is never closed (the parser then reads to the end) is an error.
            BadDataFound = bad => unclosedQuoteLine ??= bad.RawRecord.Count(c => c == '"') % 2 == 1 ? recordLine : null,
        };
        var records = new List<CsvRecord>();
        var filled = 0;
        using var parser = new CsvParser(new StringReader(text), configuration);
        while (parser.Read())
        {
            var record = new CsvRecord(recordLine, parser.Record ?? []);
            records.Add(record);
            recordLine = firstLine + parser.RawRow;
            if (!record.IsBlank && ++filled > maxRecords + 1)
            {
                return TooLong(maxRecords);
            }
        }
        if (unclosedQuoteLine is { } line)
        {
            return CsvTable.Failed($"Ligne {line} : un guillemet (\") ouvre un champ qui n'est jamais refermé. Vérifiez les guillemets de cette ligne.");
        }
        return new CsvTable(separator.Value, records, null);
    }

    private static CsvTable TooLong(int maxRecords) =>
        CsvTable.Failed($"Le fichier compte plus de {maxRecords.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} lignes : découpez-le en plusieurs fichiers.");

    /// <summary>The separator the header line uses most, outside quotes; null when it uses neither.</summary>
    private static char? DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }
        return semicolons == 0 && commas == 0 ? null : semicolons >= commas ? ';' : ',';
    }
}
