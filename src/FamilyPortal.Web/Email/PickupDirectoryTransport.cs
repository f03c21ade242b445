using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace FamilyPortal.Web.Email;

/// <summary>Without SMTP, each message becomes an .eml file that any mail client opens.</summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var directory = Directory;
            System.IO.Directory.CreateDirectory(directory);
            // Named after the Message-Id: writing the same message twice replaces the file instead of duplicating it.
            var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{SafeName(message.MessageId ?? MimeUtils.GenerateMessageId())}.eml";
            var path = Path.Combine(directory, name);
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EmailDeliveryException("Écriture du fichier .eml impossible dans le dossier de dépôt.", serverUnavailable: true, ex);
        }
    }

    private static string SafeName(string messageId) =>
        new(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
}
