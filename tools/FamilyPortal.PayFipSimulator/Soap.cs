using System.Security;
using System.Xml.Linq;

namespace FamilyPortal.PayFipSimulator;

/// <summary>SOAP 1.1 envelopes of the PaiementSecuriseService: reading a call, writing a response or a fault.</summary>
public static class Soap
{
    public const string ServiceNamespace =
        "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";

    private static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>The operation's name and the fields of its <c>arg0</c>, or null when the body is no SOAP call.</summary>
    public static (string Operation, IReadOnlyDictionary<string, string> Fields)? ReadCall(string body)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
        var call = document.Root?.Element(Envelope + "Body")?.Elements().FirstOrDefault();
        if (call is null)
        {
            return null;
        }
        var arg = call.Elements().FirstOrDefault(e => e.Name.LocalName == "arg0");
        var fields = (arg?.Elements() ?? []).GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value.Trim(), StringComparer.Ordinal);
        return (call.Name.LocalName, fields);
    }

    public static string Response(string operation, IEnumerable<(string Name, string Value)> fields)
    {
        XNamespace service = ServiceNamespace;
        var body = new XElement(service + (operation + "Response"),
            new XAttribute(XNamespace.Xmlns + "ns2", ServiceNamespace),
            new XElement("return", fields.Select(f => new XElement(f.Name, f.Value))));
        return Wrap(body);
    }

    /// <summary>A functional error as the service reports it: a code (P1…), a label and a severity.</summary>
    public static string Fault(string code, string label)
    {
        XNamespace service = ServiceNamespace;
        var fault = new XElement(Envelope + "Fault",
            new XElement("faultcode", "soap:Server"),
            new XElement("faultstring", label),
            new XElement("detail",
                new XElement(service + "FonctionnelleErreur",
                    new XAttribute(XNamespace.Xmlns + "ns2", ServiceNamespace),
                    new XElement("code", code),
                    new XElement("descriptif", label),
                    new XElement("libelle", label),
                    new XElement("severite", "2"))));
        return Wrap(fault);
    }

    public static string Escape(string text) => SecurityElement.Escape(text);

    private static string Wrap(XElement content) =>
        new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Envelope + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", Envelope), new XElement(Envelope + "Body", content)))
        .ToString(SaveOptions.DisableFormatting);
}
