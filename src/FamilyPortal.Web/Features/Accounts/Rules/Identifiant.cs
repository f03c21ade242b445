using System.Text.RegularExpressions;

namespace FamilyPortal.Web.Features.Accounts.Rules;

/// <summary>The identifiant (login) the parent chooses: 4 to 50 letters, digits, « . », « _ » or « - ».</summary>
public static partial class Identifiant
{
    public const int MinLength = 4;
    public const int MaxLength = 50;

    [GeneratedRegex("^[A-Za-z0-9._-]{4,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string? Check(string? value) => value switch
    {
        null or "" => "L'identifiant est obligatoire.",
        _ when value.Length < MinLength || value.Length > MaxLength =>
            $"L'identifiant doit contenir entre {MinLength} et {MaxLength} caractères.",
        _ when !Pattern().IsMatch(value) =>
            "L'identifiant ne peut contenir que des lettres sans accent, des chiffres et les caractères « . », « _ » et « - ».",
        _ => null,
    };
}
