using System.Globalization;
using System.Xml.Linq;

namespace FamilyPortal.Web.Features.DirectDebit.Rules;

public enum DebitSequence
{
    /// <summary>The first collection under a mandate (« FRST »).</summary>
    First = 1,
    /// <summary>Every later one (« RCUR »).</summary>
    Recurrent = 2,
}

/// <summary>The creditor: the collectivité, its account and its ICS.</summary>
public sealed record DebitCreditor(string Name, string Iban, string Bic, string CreditorIdentifier);

/// <summary>One collection: an invoice debited under a mandate.</summary>
public sealed record DebitTransaction(string EndToEndId, long AmountCents, DebitSequence Sequence, string MandateReference,
    DateOnly MandateSignedOn, string DebtorName, string DebtorIban, string DebtorBic, string RemittanceText);

/// <summary>
/// A SEPA Direct Debit Core file in the ISO 20022 message « pain.008.001.02 » (the version French banks take):
/// a group header with the count and control sum of every transaction, then one payment information block per
/// sequence type (first, recurrent), each with its own count and sum, the creditor and its identifier.
/// </summary>
public static class Pain008
{
    public static readonly XNamespace Ns = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

    public static string SequenceCode(DebitSequence sequence) => sequence == DebitSequence.First ? "FRST" : "RCUR";

    /// <param name="messageId">Unique per creditor (35 characters at most).</param>
    /// <param name="createdAt">Local time of creation, written without offset as banks expect.</param>
    public static XDocument Build(string messageId, DateTime createdAt, DateOnly collectionDate, DebitCreditor creditor,
        IReadOnlyList<DebitTransaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(creditor);
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count == 0)
        {
            throw new ArgumentException("A debit file needs at least one transaction.", nameof(transactions));
        }
        var creditorName = SepaText.Clean(creditor.Name, 70);
        var groups = transactions.GroupBy(t => t.Sequence).OrderBy(g => g.Key).ToList();
        var document = new XElement(Ns + "CstmrDrctDbtInitn",
            new XElement(Ns + "GrpHdr",
                new XElement(Ns + "MsgId", messageId),
                new XElement(Ns + "CreDtTm", createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                new XElement(Ns + "NbOfTxs", Count(transactions)),
                new XElement(Ns + "CtrlSum", Sum(transactions)),
                new XElement(Ns + "InitgPty", new XElement(Ns + "Nm", creditorName))),
            groups.Select(g => PaymentInformation(messageId, collectionDate, creditor, creditorName, g.Key, g.ToList())));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(Ns + "Document", document));
    }

    private static XElement PaymentInformation(string messageId, DateOnly collectionDate, DebitCreditor creditor, string creditorName,
        DebitSequence sequence, IReadOnlyList<DebitTransaction> transactions) =>
        new(Ns + "PmtInf",
            new XElement(Ns + "PmtInfId", SepaText.Clean($"{messageId}-{SequenceCode(sequence)}", 35)),
            new XElement(Ns + "PmtMtd", "DD"),
            new XElement(Ns + "NbOfTxs", Count(transactions)),
            new XElement(Ns + "CtrlSum", Sum(transactions)),
            new XElement(Ns + "PmtTpInf",
                new XElement(Ns + "SvcLvl", new XElement(Ns + "Cd", "SEPA")),
                new XElement(Ns + "LclInstrm", new XElement(Ns + "Cd", "CORE")),
                new XElement(Ns + "SeqTp", SequenceCode(sequence))),
            new XElement(Ns + "ReqdColltnDt", collectionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new XElement(Ns + "Cdtr", new XElement(Ns + "Nm", creditorName)),
            new XElement(Ns + "CdtrAcct", new XElement(Ns + "Id", new XElement(Ns + "IBAN", creditor.Iban))),
            new XElement(Ns + "CdtrAgt", new XElement(Ns + "FinInstnId", new XElement(Ns + "BIC", creditor.Bic))),
            new XElement(Ns + "ChrgBr", "SLEV"),
            new XElement(Ns + "CdtrSchmeId",
                new XElement(Ns + "Id", new XElement(Ns + "PrvtId", new XElement(Ns + "Othr",
                    new XElement(Ns + "Id", creditor.CreditorIdentifier),
                    new XElement(Ns + "SchmeNm", new XElement(Ns + "Prtry", "SEPA")))))),
            transactions.Select(Transaction));

    private static XElement Transaction(DebitTransaction t) =>
        new(Ns + "DrctDbtTxInf",
            new XElement(Ns + "PmtId", new XElement(Ns + "EndToEndId", SepaText.Clean(t.EndToEndId, 35))),
            new XElement(Ns + "InstdAmt", new XAttribute("Ccy", "EUR"), Cents.ToXml(t.AmountCents)),
            new XElement(Ns + "DrctDbtTx", new XElement(Ns + "MndtRltdInf",
                new XElement(Ns + "MndtId", t.MandateReference),
                new XElement(Ns + "DtOfSgntr", t.MandateSignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
            new XElement(Ns + "DbtrAgt", new XElement(Ns + "FinInstnId", new XElement(Ns + "BIC", t.DebtorBic))),
            new XElement(Ns + "Dbtr", new XElement(Ns + "Nm", SepaText.Clean(t.DebtorName, 70))),
            new XElement(Ns + "DbtrAcct", new XElement(Ns + "Id", new XElement(Ns + "IBAN", t.DebtorIban))),
            new XElement(Ns + "RmtInf", new XElement(Ns + "Ustrd", SepaText.Clean(t.RemittanceText, 140))));

    /// <summary>The file's bytes: UTF-8 without byte order mark, indented.</summary>
    public static byte[] ToBytes(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return stream.ToArray();
    }

    private static string Count(IReadOnlyCollection<DebitTransaction> transactions) =>
        transactions.Count.ToString(CultureInfo.InvariantCulture);

    private static string Sum(IEnumerable<DebitTransaction> transactions) => Cents.ToXml(transactions.Sum(t => t.AmountCents));
}
