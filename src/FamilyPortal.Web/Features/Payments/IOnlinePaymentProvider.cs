namespace FamilyPortal.Web.Features.Payments;

/// <summary>What the portal asks of an online payment service; PayFiP is the one built, another can be added behind it.</summary>
public interface IOnlinePaymentProvider
{
    /// <summary>The name shown on payments (« PayFiP »).</summary>
    string Name { get; }

    /// <summary>Creates the payment with the service; the payer is then sent to <see cref="StartedPayment.PayerUrl"/>.</summary>
    Task<StartedPayment> StartAsync(PaymentOrder order, CancellationToken ct);

    /// <summary>The service's own result for an operation; null while it has none yet.</summary>
    Task<PaymentOutcome?> FetchAsync(string operationId, CancellationToken ct);
}

public sealed record PaymentOrder(
    string ClientNumber, PayFipMode Mode, int Year, string Reference, string Subject, long AmountCents, string Email,
    Uri NotifyUrl, Uri ReturnUrl);

public sealed record StartedPayment(string OperationId, Uri PayerUrl);

public sealed record PaymentOutcome(
    string ResultCode, string ClientNumber, string Year, string Reference, long? AmountCents, string? TransactionNumber);

/// <summary>The service could not be reached or refused the call; the message is for the logs, never for parents.</summary>
public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);
