using System.Globalization;
using System.Text;

namespace FamilyPortal.Web.Features.Payments.Rules;

/// <summary>How PayFiP's fields are filled and read (DGFiP's field list: amounts in cents, references alphanumeric).</summary>
public static class PayFipRules
{
    public const long MinimumCents = 100;
    public const long MaximumCents = 9_999_999;
    public const int MaxSubjectLength = 100;

    /// <summary>The amount in cents; null when it is not a whole number of cents.</summary>
    public static long? Cents(decimal euros) =>
        decimal.Round(euros, 2) == euros ? (long)(euros * 100m) : null;

    /// <summary>« refdet »: the letters and digits of our reference, 6 to 30 of them (padded with zeros when shorter).</summary>
    public static string DebtReference(string reference)
    {
        var kept = new StringBuilder();
        foreach (var c in reference.Where(char.IsAsciiLetterOrDigit))
        {
            kept.Append(char.ToUpperInvariant(c));
        }
        var text = kept.ToString();
        text = text.Length > 30 ? text[^30..] : text;
        return text.PadLeft(6, '0');
    }

    /// <summary>« objet »: plain ASCII (the service refuses other characters), at most 100.</summary>
    public static string Subject(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            plain.Append(c is >= ' ' and <= '~' ? c : ' ');
        }
        var result = plain.ToString().Trim();
        return result.Length <= MaxSubjectLength ? result : result[..MaxSubjectLength];
    }

    public static string ModeCode(PayFipMode mode) => mode switch
    {
        PayFipMode.Test => "T",
        PayFipMode.Activation => "X",
        PayFipMode.Production => "W",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>« resultrans »: P and V paid, R refused, A abandoned; anything else is kept for staff to check.</summary>
    public static OnlinePaymentStatus Status(string resultCode) => resultCode switch
    {
        "P" or "V" => OnlinePaymentStatus.Paid,
        "R" => OnlinePaymentStatus.Refused,
        "A" => OnlinePaymentStatus.Abandoned,
        _ => OnlinePaymentStatus.ToCheck,
    };

    public static bool IsClientNumber(string? text) => text is { Length: 6 } && text.All(char.IsAsciiDigit);
}

public enum PayFipMode
{
    Test = 1,
    Activation = 2,
    Production = 3,
}

public enum OnlinePaymentStatus
{
    Pending = 1,
    Paid = 2,
    Refused = 3,
    Abandoned = 4,
    /// <summary>The service's result does not match what was asked (amount, invoice, client): never applied, kept for staff.</summary>
    ToCheck = 5,
}

public static class OnlinePaymentStatusLabels
{
    public static string Label(this OnlinePaymentStatus status) => status switch
    {
        OnlinePaymentStatus.Pending => "en cours",
        OnlinePaymentStatus.Paid => "payée",
        OnlinePaymentStatus.Refused => "refusée",
        OnlinePaymentStatus.Abandoned => "abandonnée",
        OnlinePaymentStatus.ToCheck => "à vérifier par la mairie",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
