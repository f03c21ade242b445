namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>
/// The RUM (« référence unique du mandat »): unique for the creditor, 35 characters at most, SEPA characters only.
/// Made of the collectivité's short name, the family's number and the family's mandate count, e.g.
/// « ECROUVES-F000042-01 »; the collectivité's unique index is the final guard.
/// </summary>
public static class MandateReference
{
    public const int MaxLength = 35;
    private const int PrefixLength = 16;

    public static string Create(string collectiviteShortName, int familyId, int familyMandateNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(familyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(familyMandateNumber);
        var prefix = new string(SepaText.Clean(collectiviteShortName, 100).ToUpperInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        prefix = prefix.Length == 0 ? "RUM" : prefix[..Math.Min(prefix.Length, PrefixLength)].TrimEnd('-');
        var reference = $"{prefix}-F{familyId:D6}-{familyMandateNumber:D2}";
        return reference.Length <= MaxLength ? reference : reference[^MaxLength..];
    }

    public static bool IsValid(string? reference) =>
        reference is { Length: > 0 and <= MaxLength } && reference.All(SepaText.IsAllowed) && reference[0] != ' ' && reference[^1] != ' '
        && !reference.Contains("//", StringComparison.Ordinal);
}
