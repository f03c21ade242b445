using System.Globalization;

namespace FamilyPortal.Web.Features.News;

/// <summary>Publication dates as staff type them and everyone reads them: Paris time; stored in UTC.</summary>
public static class NewsTimes
{
    /// <summary>The value of an <c>&lt;input type="datetime-local"&gt;</c>.</summary>
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly string[] AcceptedFormats =
        [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH'h'mm", "dd/MM/yyyy"];

    public static DateTimeOffset Paris(DateTime utc) => ParisClock.ToParis(utc);

    public static string ForInput(DateTime? utc) =>
        utc is { } value ? Paris(value).ToString(InputFormat, CultureInfo.InvariantCulture) : "";

    /// <summary>« 16/11/2026 à 08:00 ».</summary>
    public static string Written(DateTime utc) => Paris(utc).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>For the <c>datetime</c> attribute of <c>&lt;time&gt;</c>.</summary>
    public static string Machine(DateTime utc) => Paris(utc).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>A Paris date and time typed by staff (a date alone means midnight); empty is a valid « none ».</summary>
    public static bool TryParse(string? text, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        // A year far out (0001, 9999) is a typing error, and would not survive the conversion to UTC.
        if (!DateTime.TryParseExact(text.Trim(), AcceptedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 2000 or > 2100)
        {
            return false;
        }
        utc = ParisClock.ToInstant(local, ParisClock.Zone).UtcDateTime;
        return true;
    }
}
