using Microsoft.Extensions.Options;
using MimeKit;

namespace FamilyPortal.Web.Email;

/// <summary>Turns an outbox row into the MIME message that is sent, written as .eml or downloaded.</summary>
public sealed class OutboxMimeBuilder(IOptions<SmtpOptions> smtp)
{
    public MailboxAddress From => MailboxAddress.Parse(smtp.Value.From);

    public MimeMessage Build(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage
        {
            MessageId = message.MessageId.Trim('<', '>'),
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc)),
            Subject = message.Subject,
        };
        mime.From.Add(From);
        // The address was checked when queued; it is added as one mailbox, never parsed as a header line.
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
