using System.Globalization;

namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>Amounts of a debit file are counted in whole cents, so that control sums add up exactly.</summary>
public static class Cents
{
    public static long From(decimal euros)
    {
        var cents = euros * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException($"{euros} is not a whole number of cents.", nameof(euros));
        }
        return (long)cents;
    }

    public static decimal ToEuros(long cents) => cents / 100m;

    /// <summary>The amount as the XML file writes it: « 1234.50 », a point and two decimals.</summary>
    public static string ToXml(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
