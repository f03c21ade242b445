namespace FamilyPortal.Web.Features.Payments;

/// <summary>Where PayFiP is (section <c>PayFip</c>); the collectivité's client number and mode are in its own settings.</summary>
public sealed class PayFipOptions
{
    public const string SectionName = "PayFip";

    /// <summary>The SOAP service, e.g. https://www.payfip.gouv.fr/tpa/services/securite.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The page the payer is sent to, given the operation id, e.g. https://www.payfip.gouv.fr/tpa/paiementws.web.</summary>
    public string? PaymentPageUrl { get; set; }

    public int TimeoutSeconds { get; set; } = 15;

    public bool IsConfigured => Uri.TryCreate(ServiceUrl, UriKind.Absolute, out _) && Uri.TryCreate(PaymentPageUrl, UriKind.Absolute, out _);
}
