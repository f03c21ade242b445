using System.Net.Security;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FamilyPortal.Web.Email;

/// <summary>Sends through the configured SMTP server with MailKit, reusing one connection per dispatch run.</summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport, IAsyncDisposable, IDisposable
{
    private SmtpClient? _client;

    /// <summary>Tests trust their own self-signed certificate through this; production keeps the system's checks.</summary>
    internal RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    internal static SecureSocketOptions ToSecureSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        // Required STARTTLS, never StartTlsWhenAvailable: no silent fall-back to plain text.
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Mode de sécurité SMTP inconnu."),
    };

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var client = await ConnectedClientAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException)
        {
            await DropClientAsync();
            var unavailable = ex is not SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted };
            throw new EmailDeliveryException($"Envoi refusé ou interrompu par le serveur SMTP : {Describe(ex)}", unavailable, ex);
        }
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }
        await DropClientAsync();
        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds };
        if (ServerCertificateValidation is not null)
        {
            client.ServerCertificateValidationCallback = ServerCertificateValidation;
        }
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, ToSecureSocketOptions(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
        }
        catch (AuthenticationException ex)
        {
            client.Dispose();
            throw new EmailDeliveryException("Authentification refusée par le serveur SMTP.", serverUnavailable: true, ex);
        }
        catch (NotSupportedException ex)
        {
            client.Dispose();
            throw new EmailDeliveryException($"Le serveur SMTP ne propose pas la sécurité demandée ({settings.Security}).", serverUnavailable: true, ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SslHandshakeException or SmtpCommandException or SmtpProtocolException or TimeoutException)
        {
            client.Dispose();
            throw new EmailDeliveryException($"Connexion au serveur SMTP impossible : {Describe(ex)}", serverUnavailable: true, ex);
        }
        _client = client;
        return client;
    }

    // The exception's own text, cut short; MailKit never puts the password in it, but we make sure.
    private string Describe(Exception ex)
    {
        var text = EmailHeaderRules.SingleLine(ex.Message, 300);
        var password = options.Value.Password;
        return string.IsNullOrEmpty(password) ? text : text.Replace(password, "***", StringComparison.Ordinal);
    }

    private async Task DropClientAsync()
    {
        if (_client is null)
        {
            return;
        }
        var client = _client;
        _client = null;
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // The connection is being thrown away; a failed QUIT changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await DropClientAsync();

    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
    }
}
