using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>Dates, times and numbers typed in the admin forms, read as text so each gets a French message.</summary>
public static class FormText
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH'h'mm", "H'h'mm", "HH:mm:ss"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>The value of a date field (yyyy-MM-dd) or a date typed as dd/MM/yyyy.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>An optional whole number between the bounds: null when empty, an error when out of them.</summary>
    public static int? Number(ModelStateDictionary state, string key, string? text, int min, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        state.AddModelError(key, message);
        return null;
    }

    public static string Text(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string Text(int? number) => number?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A date as a date field wants it.</summary>
    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
