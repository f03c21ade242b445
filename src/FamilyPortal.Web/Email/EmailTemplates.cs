using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Email;

/// <summary>The common French layout of every mail, in plain text and HTML.</summary>
public sealed class EmailTemplates(IOptions<PublicSiteOptions> options)
{
    // Accented letters stay readable in the HTML source; markup characters are always encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private string PlatformName => options.Value.PlatformName;

    public string Signature(string? municipalityName) =>
        string.IsNullOrWhiteSpace(municipalityName) ? PlatformName : $"La collectivité {municipalityName.Trim()}";

    public string Footer =>
        $"Ce message vous est envoyé automatiquement par {PlatformName}. Merci de ne pas y répondre directement.";

    public string RenderText(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var text = new StringBuilder();
        text.Append(email.Greeting).Append("\n\n");
        foreach (var paragraph in email.Paragraphs)
        {
            text.Append(Normalize(paragraph)).Append("\n\n");
        }
        if (email.Action is { } action)
        {
            text.Append(action.Text).Append(" : ").Append(action.Url).Append("\n\n");
        }
        text.Append("Cordialement,\n").Append(Signature(email.MunicipalityName)).Append("\n\n");
        text.Append("-- \n").Append(Footer).Append('\n');
        return text.ToString();
    }

    public string RenderHtml(OutgoingEmail email, string subject)
    {
        ArgumentNullException.ThrowIfNull(email);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1e1e1e;\">\n")
            .Append("<p>").Append(Encode(email.Greeting)).Append("</p>\n");
        foreach (var paragraph in email.Paragraphs)
        {
            html.Append("<p>").AppendJoin("<br>\n", Normalize(paragraph).Split('\n').Select(Encode)).Append("</p>\n");
        }
        if (email.Action is { } action)
        {
            html.Append("<p><a href=\"").Append(Encode(action.Url))
                .Append("\" style=\"display: inline-block; padding: 10px 16px; background: #000091; color: #ffffff; text-decoration: underline;\">")
                .Append(Encode(action.Text)).Append("</a></p>\n")
                .Append("<p style=\"font-size: 14px;\">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur : ")
                .Append(Encode(action.Url)).Append("</p>\n");
        }
        html.Append("<p>Cordialement,<br>\n").Append(Encode(Signature(email.MunicipalityName))).Append("</p>\n")
            .Append("<hr>\n<p style=\"font-size: 13px; color: #555555;\">").Append(Encode(Footer)).Append("</p>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string value) => Html.Encode(value);

    private static string Normalize(string paragraph) =>
        paragraph.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
