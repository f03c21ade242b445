using MimeKit;

namespace FamilyPortal.Web.Email;

/// <summary>
/// Hands a message over to its next hop. One instance serves one dispatch run, so an implementation
/// may keep its connection open between messages and close it when disposed.
/// </summary>
public interface IEmailTransport
{
    /// <exception cref="EmailDeliveryException">The message was not handed over.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A failed hand-over. <see cref="Exception.Message"/> is short, French and free of credentials, as it
/// is stored on the outbox row.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException(string message, bool serverUnavailable, Exception? innerException = null)
        : base(message, innerException) => ServerUnavailable = serverUnavailable;

    public EmailDeliveryException() { }

    public EmailDeliveryException(string message) : base(message) { }

    public EmailDeliveryException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The server could not be reached or refused the session: other messages would fail the same way.</summary>
    public bool ServerUnavailable { get; }
}
