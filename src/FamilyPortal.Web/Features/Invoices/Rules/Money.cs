using System.Globalization;

namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>Euros: every amount is rounded to the cent, half away from zero, as a cashier rounds.</summary>
public static class Money
{
    private static readonly NumberFormatInfo French = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00A0",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>« 1 234,50 € » (no-break spaces, so an amount never splits over two lines).</summary>
    public static string Format(decimal amount) => Round(amount).ToString("#,##0.00", French) + "\u00A0€";

    /// <summary>A unit price keeps its third decimal when it has one (« 1,125 € »).</summary>
    public static string FormatUnit(decimal price) =>
        (decimal.Round(price, 2) == price ? price.ToString("#,##0.00", French) : price.ToString("#,##0.00#", French)) + "\u00A0€";

    /// <summary>The amount typed by a person: « 12,5 », « 12.50 », « 12,50 € »; null when it is not one.</summary>
    public static decimal? Parse(string? text, int maxDecimals = 2)
    {
        var cleaned = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        if (cleaned.Length is 0 or > 15
            || !decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        return decimal.Round(value, maxDecimals) == value ? value : null;
    }
}
