using System.Globalization;

namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>Amounts in euros as staff type them (« 4,10 », « 4.1 », « 4 € ») and as pages show them.</summary>
public static class Euros
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A positive or zero amount with at most two decimals, below <paramref name="maximum"/>.</summary>
    public static bool TryParse(string? text, decimal maximum, out decimal amount)
    {
        amount = 0;
        var cleaned = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace(',', '.');
        if (cleaned.Length == 0 || cleaned.Count(c => c == '.') > 1 || !cleaned.All(c => char.IsAsciiDigit(c) || c == '.')
            || !decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || decimal.Round(value, 2) != value || value > maximum)
        {
            return false;
        }
        amount = value;
        return true;
    }

    /// <summary>« 4,10 » for a form field.</summary>
    public static string Field(decimal amount) => amount.ToString("0.00", French);

    /// <summary>« 4,10 € » for a page.</summary>
    public static string Text(decimal amount) => amount.ToString("C", French);
}
