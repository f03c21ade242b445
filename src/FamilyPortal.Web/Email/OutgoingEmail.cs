namespace FamilyPortal.Web.Email;

/// <summary>
/// What a feature asks to send. Texts are plain French sentences: the templates add the greeting,
/// signature and footer, and encode every value for HTML.
/// </summary>
public sealed record OutgoingEmail
{
    public required string ToAddress { get; init; }
    public string? ToName { get; init; }
    public required string Subject { get; init; }
    /// <summary>First line, e.g. « Bonjour Madame DUPOND, ».</summary>
    public string Greeting { get; init; } = "Bonjour,";
    /// <summary>Body paragraphs; a line break inside one is kept.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }
    /// <summary>An optional call to action, e.g. a link built with <see cref="PublicLinks"/>.</summary>
    public EmailLink? Action { get; init; }
    /// <summary>The collectivité the mail speaks for; null for platform mail (account, password).</summary>
    public int? MunicipalityId { get; init; }
    /// <summary>Signs the mail « La collectivité … »; the platform name signs it otherwise.</summary>
    public string? MunicipalityName { get; init; }
    /// <summary>
    /// The account whose address must be confirmed before this mail leaves. Only the account's own first
    /// emails and the recovery emails go to an unconfirmed address.
    /// </summary>
    public string? AwaitsConfirmationOf { get; init; }
    /// <summary>
    /// The account the mail is written to, for the account's own mail (a held mail is its account's too). Mail a
    /// collectivité sends to a family's address is nobody's account's: it stays when an account is deleted.
    /// </summary>
    public string? AccountId { get; init; }
}

/// <summary>A link shown as a button in HTML and as « text : address » in plain text.</summary>
public sealed record EmailLink
{
    public EmailLink(string text, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("Un lien de courriel doit être une adresse http(s) absolue.", nameof(url));
        }
        Text = text;
        Url = uri.AbsoluteUri;
    }

    public string Text { get; }
    public string Url { get; }
}
