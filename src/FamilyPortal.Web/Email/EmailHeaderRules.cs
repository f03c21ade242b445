using MimeKit;

namespace FamilyPortal.Web.Email;

/// <summary>
/// Values that end up in mail headers. MimeKit encodes what it writes, but a recipient typed by a user
/// is refused outright when it carries a line break or anything beyond one plain address.
/// </summary>
public static class EmailHeaderRules
{
    public const int MaxAddressLength = 254;
    public const int MaxSubjectLength = 300;
    public const int MaxNameLength = 200;

    private static readonly ParserOptions StrictParser = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>The address trimmed, or an <see cref="ArgumentException"/> when it is not exactly one mailbox.</summary>
    public static string CheckAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxAddressLength || HasControlCharacter(trimmed)
            || !MailboxAddress.TryParse(StrictParser, trimmed, out var mailbox)
            || !string.Equals(mailbox.Address, trimmed, StringComparison.Ordinal)
            || !trimmed.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("Adresse électronique invalide.", nameof(address));
        }
        return trimmed;
    }

    /// <summary>One line of text for a header: line breaks and control characters become spaces.</summary>
    public static string SingleLine(string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        var chars = value.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var line = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= maxLength ? line : line[..maxLength];
    }

    /// <summary>The part after « @ »: the most a log line may say about a recipient.</summary>
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 ? address[(at + 1)..] : "?";
    }

    private static bool HasControlCharacter(string value) => value.Any(char.IsControl);
}
