using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Payments;

/// <summary>
/// DGFiP's PayFiP « paiement sécurisé » web service (SOAP 1.1): <c>creerPaiementSecurise</c> gives an operation id
/// for the payer's page, <c>recupererDetailPaiementSecurise</c> tells the result of that id.
/// </summary>
public sealed class PayFipClient(HttpClient http, IOptions<PayFipOptions> options) : IOnlinePaymentProvider
{
    public const string ServiceNamespace =
        "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";

    /// <summary>The service's answer while the payer has not finished: no result yet.</summary>
    private const string ResultNotKnown = "P5";

    private static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";

    public string Name => "PayFiP";

    public async Task<StartedPayment> StartAsync(PaymentOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var answer = await CallAsync("creerPaiementSecurise",
        [
            ("exer", order.Year.ToString(CultureInfo.InvariantCulture)),
            ("mel", order.Email),
            ("montant", order.AmountCents.ToString(CultureInfo.InvariantCulture)),
            ("numcli", order.ClientNumber),
            ("objet", order.Subject),
            ("refdet", order.Reference),
            ("saisie", PayFipRules.ModeCode(order.Mode)),
            ("urlnotif", order.NotifyUrl.AbsoluteUri),
            ("urlredirect", order.ReturnUrl.AbsoluteUri),
        ], ct);
        if (answer.Fault is { } fault)
        {
            throw new PaymentProviderException($"PayFiP a refusé la création du paiement ({fault})");
        }
        var id = answer.Field("idOp");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new PaymentProviderException("PayFiP n'a pas donné d'identifiant d'opération");
        }
        var page = new UriBuilder(options.Value.PaymentPageUrl!) { Query = "idop=" + Uri.EscapeDataString(id) };
        return new StartedPayment(id, page.Uri);
    }

    public async Task<PaymentOutcome?> FetchAsync(string operationId, CancellationToken ct)
    {
        var answer = await CallAsync("recupererDetailPaiementSecurise", [("idOp", operationId)], ct);
        if (answer.Fault is { } fault)
        {
            return fault == ResultNotKnown ? null : throw new PaymentProviderException($"PayFiP a refusé la lecture du résultat ({fault})");
        }
        var cents = long.TryParse(answer.Field("montant"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : (long?)null;
        var transaction = answer.Field("numauto");
        return new PaymentOutcome(answer.Field("resultrans") ?? "", answer.Field("numcli") ?? "", answer.Field("exer") ?? "",
            answer.Field("refdet") ?? "", cents, string.IsNullOrWhiteSpace(transaction) ? null : transaction);
    }

    private sealed record Answer(XElement? Return, string? Fault)
    {
        public string? Field(string name) => Return?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
    }

    private async Task<Answer> CallAsync(string operation, IEnumerable<(string Name, string Value)> fields, CancellationToken ct)
    {
        XNamespace service = ServiceNamespace;
        var request = new XDocument(new XElement(Envelope + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Envelope),
            new XAttribute(XNamespace.Xmlns + "pai", ServiceNamespace),
            new XElement(Envelope + "Body",
                new XElement(service + operation, new XElement("arg0", fields.Select(f => new XElement(f.Name, f.Value)))))));
        using var content = new StringContent(request.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", "\"\"");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds)));
        string body;
        try
        {
            using var response = await http.PostAsync(new Uri(options.Value.ServiceUrl!), content, timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new PaymentProviderException("PayFiP ne répond pas", ex);
        }
        return Read(body);
    }

    private static Answer Read(string body)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (XmlException ex)
        {
            throw new PaymentProviderException("Réponse de PayFiP illisible", ex);
        }
        var content = document.Root?.Element(Envelope + "Body")?.Elements().FirstOrDefault()
            ?? throw new PaymentProviderException("Réponse de PayFiP sans contenu");
        if (content.Name == Envelope + "Fault")
        {
            var code = content.Descendants().FirstOrDefault(e => e.Name.LocalName == "code")?.Value.Trim();
            return new Answer(null, string.IsNullOrEmpty(code) ? "erreur sans code" : code);
        }
        return new Answer(content.Elements().FirstOrDefault(e => e.Name.LocalName == "return"), null);
    }
}
