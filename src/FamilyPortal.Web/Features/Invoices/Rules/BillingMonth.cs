using System.Globalization;

namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>A calendar month that is invoiced as a whole, written « 2026-10 » in addresses and forms.</summary>
public readonly record struct BillingMonth(int Year, int Month)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>« octobre 2026 ».</summary>
    public string Label => FirstDay.ToString("MMMM yyyy", French);

    /// <summary>« d'octobre 2026 », « de mai 2026 »: the month after « de », elided before a vowel.</summary>
    public string OfLabel => Label[0] is 'a' or 'o' ? "d'" + Label : "de " + Label;

    public string Key => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public BillingMonth Previous => Of(FirstDay.AddMonths(-1));

    /// <summary>A month can be invoiced once it is over: a day of it could still be booked or cancelled before.</summary>
    public bool IsOver(DateOnly today) => today > LastDay;

    public static BillingMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static BillingMonth? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 2000 and <= 2100
            ? Of(day)
            : null;

    public override string ToString() => Key;
}
