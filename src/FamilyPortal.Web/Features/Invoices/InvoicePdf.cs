using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// The invoice as an A4 PDF: the collectivité and its address, the family, the number and month, a line per
/// child and activity with quantity, unit price and amount, the totals, credit notes, payments, due date
/// and payment status. Drawn with PDFsharp in DejaVu Sans (see <see cref="PdfFonts"/>).
/// </summary>
public sealed class InvoicePdf
{
    private const double Left = PdfFlow.Left;
    private const double Right = PdfFlow.Right;

    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(85, 85, 85));

    // Columns of the lines: child, activity, quantity, unit price, amount (the last three right-aligned).
    private static readonly (double X, double Width)[] Columns = [(Left, 100), (150, 190), (340, 58), (405, 70), (475, 70)];

    // Fonts are made once the resolver is installed: PDFsharp looks the face up when a font is created.
    private XFont Title { get; }
    private XFont Heading { get; }
    private XFont Text { get; }
    private XFont TextBold { get; }
    private XFont Small { get; }

    public InvoicePdf(string fontDirectory)
    {
        PdfFonts.Install(fontDirectory);
        Title = new XFont(PdfFonts.Family, 18, XFontStyleEx.Bold);
        Heading = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
        Text = new XFont(PdfFonts.Family, 9.5);
        TextBold = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
        Small = new XFont(PdfFonts.Family, 8);
    }

    public byte[] Render(InvoiceDocument document, string platformName)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = new PdfDocument();
        var invoice = document.Invoice;
        pdf.Info.Title = $"Facture {invoice.Number}";
        pdf.Info.Author = document.MunicipalityName;
        pdf.Info.Creator = platformName;
        var writer = new Writer(pdf, this);

        writer.Line(document.MunicipalityName, Heading);
        foreach (var line in (document.MunicipalityAddress ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            writer.Line(line, Text);
        }
        writer.Line(document.MunicipalityEmail, Text);
        writer.Space(14);
        writer.Line($"Facture n° {invoice.Number}", Title);
        writer.Space(4);
        writer.Pair("Famille", invoice.HouseholdName);
        writer.Pair("Période facturée", invoice.BillingMonth.Label);
        writer.Pair("Date d'émission", FrenchDates.Numeric(invoice.IssueDate));
        writer.Pair("Date d'échéance", FrenchDates.Numeric(invoice.DueDate));
        writer.Space(12);

        writer.Row(["Enfant", "Prestation", "Quantité", "Prix unitaire", "Montant"], TextBold);
        writer.Rule();
        foreach (var line in document.Lines)
        {
            writer.Row([line.ChildName, line.Description, line.Quantity.ToString(FrenchDates.Culture), Money.FormatUnit(line.UnitPrice), Money.Format(line.Amount)], Text,
                line.Bracket);
        }
        writer.Rule();
        writer.Total("Total de la facture", Money.Format(invoice.Total), TextBold);
        foreach (var credit in document.CreditNotes)
        {
            writer.Total($"Avoir {credit.Number} du {FrenchDates.Numeric(credit.IssueDate)}", "-" + Money.Format(credit.Amount), Text);
        }
        foreach (var payment in document.Payments)
        {
            writer.Total($"Paiement du {FrenchDates.Numeric(payment.Date)} ({payment.Means.Label()})", "-" + Money.Format(payment.Amount), Text);
        }
        writer.Total("Reste à payer", Money.Format(document.Remaining), TextBold);
        writer.Space(8);
        writer.Pair("Statut du paiement", document.Status.Label());
        if (invoice.HighestBracketApplied)
        {
            writer.Space(8);
            writer.Paragraph(InvoiceCalculator.HighestBracketNotice, Text);
        }
        foreach (var credit in document.CreditNotes)
        {
            writer.Paragraph($"Avoir {credit.Number} : {credit.Reason}", Small);
        }
        writer.Space(12);
        writer.Paragraph($"Document émis par {document.MunicipalityName} sur {platformName}. Pour toute question, écrivez à {document.MunicipalityEmail} en rappelant le numéro de facture.", Small);
        writer.Finish();

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The invoice's own blocks (label–value pairs, the table's rows, totals) over a <see cref="PdfFlow"/>.</summary>
    private sealed class Writer(PdfDocument pdf, InvoicePdf fonts)
    {
        private readonly PdfFlow _flow = new(pdf, lineGap: 1);

        private XGraphics Graphics => _flow.Graphics;

        public void Space(double height) => _flow.Space(height);

        public void Line(string text, XFont font) => _flow.Line(text, font);

        public void Paragraph(string text, XFont font) => _flow.Paragraph(text, font);

        public void Rule() => _flow.Rule(4);

        public void Finish() => _flow.Finish();

        public void Pair(string label, string value)
        {
            var text = fonts.Text;
            _flow.Fit(text.Height);
            var labelText = label + " : ";
            Graphics.DrawString(labelText, fonts.TextBold, XBrushes.Black, new XRect(Left, _flow.Y, 200, text.Height), XStringFormats.TopLeft);
            var width = Graphics.MeasureString(labelText, fonts.TextBold).Width;
            Graphics.DrawString(value, text, XBrushes.Black, new XRect(Left + width, _flow.Y, Right - Left - width, text.Height), XStringFormats.TopLeft);
            _flow.Space(text.Height + 2);
        }

        public void Row(string[] cells, XFont font, string? note = null)
        {
            var wrapped = cells.Select((cell, i) => i < 2 ? _flow.Wrap(cell, font, Columns[i].Width - 6) : [cell]).ToList();
            var height = wrapped.Max(w => w.Count) * _flow.LineHeight(font) + (note is null ? 0 : fonts.Small.Height + 1) + 3;
            _flow.Fit(height);
            for (var i = 0; i < cells.Length; i++)
            {
                var (x, width) = Columns[i];
                var format = i < 2 ? XStringFormats.TopLeft : XStringFormats.TopRight;
                var y = _flow.Y;
                foreach (var part in wrapped[i])
                {
                    Graphics.DrawString(part, font, XBrushes.Black, new XRect(x, y, width, font.Height), format);
                    y += _flow.LineHeight(font);
                }
            }
            if (note is not null)
            {
                var top = _flow.Y + wrapped[1].Count * _flow.LineHeight(font);
                Graphics.DrawString(note, fonts.Small, Grey, new XRect(Columns[1].X, top, Columns[1].Width, fonts.Small.Height), XStringFormats.TopLeft);
            }
            _flow.Space(height);
        }

        public void Total(string label, string amount, XFont font)
        {
            _flow.Fit(font.Height + 3);
            Graphics.DrawString(label, font, XBrushes.Black, new XRect(Columns[1].X, _flow.Y, Columns[4].X - Columns[1].X, font.Height), XStringFormats.TopLeft);
            Graphics.DrawString(amount, font, XBrushes.Black, new XRect(Columns[4].X, _flow.Y, Columns[4].Width, font.Height), XStringFormats.TopRight);
            _flow.Space(font.Height + 3);
        }
    }
}
