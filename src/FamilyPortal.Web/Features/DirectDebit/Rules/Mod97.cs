namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>ISO 7064 MOD 97-10 over letters and digits, letters counting A = 10 … Z = 35 (IBAN and creditor identifiers).</summary>
public static class Mod97
{
    /// <summary>The remainder of the number the text stands for, divided by 97; -1 when a character is neither a letter nor a digit.</summary>
    public static int Remainder(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var remainder = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return -1;
            }
        }
        return remainder;
    }

    public static bool IsValid(string text) => Remainder(text) == 1;

    /// <summary>The two check digits that make « text + country + digits » valid.</summary>
    public static string CheckDigits(string textThenCountry) =>
        (98 - Remainder(textThenCountry + "00")).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
