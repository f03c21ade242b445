namespace FamilyPortal.Web.Features.Accounts.Rules;

/// <summary>French phone numbers as people type them: « 06 12 34 56 78 », « 06.12.34.56.78 », « +33 6 12 34 56 78 ».</summary>
public static class FrenchPhone
{
    /// <summary>Returns the ten-digit national form (0612345678), or null when the input is not a French number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30)
        {
            return null;
        }
        var digits = new System.Text.StringBuilder();
        var text = input.Trim();
        if (text.StartsWith('+'))
        {
            if (!text.StartsWith("+33", StringComparison.Ordinal))
            {
                return null;
            }
            digits.Append('0');
            text = text[3..].TrimStart();
            if (text.StartsWith("(0)", StringComparison.Ordinal))
            {
                text = text[3..];
            }
        }
        else if (text.StartsWith("0033", StringComparison.Ordinal))
        {
            digits.Append('0');
            text = text[4..];
        }
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '\u00A0'))
            {
                return null;
            }
        }
        var number = digits.ToString();
        return number.Length == 10 && number[0] == '0' && number[1] != '0' ? number : null;
    }

    /// <summary>« 06 12 34 56 78 ».</summary>
    public static string Format(string normalized) =>
        normalized.Length == 10 ? string.Join(' ', Enumerable.Range(0, 5).Select(i => normalized.Substring(i * 2, 2))) : normalized;
}
