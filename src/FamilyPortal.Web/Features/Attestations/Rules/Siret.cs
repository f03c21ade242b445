namespace FamilyPortal.Web.Features.Attestations.Rules;

/// <summary>The SIRET of an establishment: 14 digits whose Luhn sum is a multiple of 10.</summary>
public static class Siret
{
    public static string Normalize(string? text) => (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);

    public static bool IsValid(string siret)
    {
        if (siret is not { Length: 14 } || !siret.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var digit = siret[13 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /// <summary>« 217 801 737 00019 »: SIREN in groups of three, then the establishment's NIC.</summary>
    public static string Format(string siret) =>
        siret.Length == 14 ? $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}" : siret;
}
