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
    private const double Left = 50;
    private const double Right = 545;
    private const double Bottom = 790;
    private const double PageTop = 50;

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

    /// <summary>Draws top to bottom, starting a new page when the next line would not fit.</summary>
    private sealed class Writer
    {
        private readonly PdfDocument _pdf;
        private XFont Text { get; }
        private XFont TextBold { get; }
        private XFont Small { get; }
        private XGraphics _graphics = null!;
        private double _y;

        public Writer(PdfDocument pdf, InvoicePdf fonts)
        {
            _pdf = pdf;
            Text = fonts.Text;
            TextBold = fonts.TextBold;
            Small = fonts.Small;
            NewPage();
        }

        public void Space(double height) => _y += height;

        public void Line(string text, XFont font)
        {
            Fit(font.Height);
            _graphics.DrawString(text, font, XBrushes.Black, new XRect(Left, _y, Right - Left, font.Height), XStringFormats.TopLeft);
            _y += font.Height + 1;
        }

        public void Pair(string label, string value)
        {
            Fit(Text.Height);
            var labelText = label + " : ";
            _graphics.DrawString(labelText, TextBold, XBrushes.Black, new XRect(Left, _y, 200, Text.Height), XStringFormats.TopLeft);
            var width = _graphics.MeasureString(labelText, TextBold).Width;
            _graphics.DrawString(value, Text, XBrushes.Black, new XRect(Left + width, _y, Right - Left - width, Text.Height), XStringFormats.TopLeft);
            _y += Text.Height + 2;
        }

        public void Paragraph(string text, XFont font)
        {
            foreach (var line in Wrap(text, font, Right - Left))
            {
                Line(line, font);
            }
        }

        public void Row(string[] cells, XFont font, string? note = null)
        {
            var wrapped = cells.Select((cell, i) => i < 2 ? Wrap(cell, font, Columns[i].Width - 6) : [cell]).ToList();
            var height = wrapped.Max(w => w.Count) * (font.Height + 1) + (note is null ? 0 : Small.Height + 1) + 3;
            Fit(height);
            for (var i = 0; i < cells.Length; i++)
            {
                var (x, width) = Columns[i];
                var format = i < 2 ? XStringFormats.TopLeft : XStringFormats.TopRight;
                var y = _y;
                foreach (var part in wrapped[i])
                {
                    _graphics.DrawString(part, font, XBrushes.Black, new XRect(x, y, width, font.Height), format);
                    y += font.Height + 1;
                }
            }
            if (note is not null)
            {
                var lineCount = wrapped[1].Count;
                _graphics.DrawString(note, Small, Grey, new XRect(Columns[1].X, _y + lineCount * (font.Height + 1), Columns[1].Width, Small.Height), XStringFormats.TopLeft);
            }
            _y += height;
        }

        public void Total(string label, string amount, XFont font)
        {
            Fit(font.Height + 3);
            _graphics.DrawString(label, font, XBrushes.Black, new XRect(Columns[1].X, _y, Columns[4].X - Columns[1].X, font.Height), XStringFormats.TopLeft);
            _graphics.DrawString(amount, font, XBrushes.Black, new XRect(Columns[4].X, _y, Columns[4].Width, font.Height), XStringFormats.TopRight);
            _y += font.Height + 3;
        }

        public void Rule()
        {
            Fit(4);
            _graphics.DrawLine(XPens.Gray, Left, _y + 1, Right, _y + 1);
            _y += 4;
        }

        public void Finish() => _graphics.Dispose();

        private void Fit(double height)
        {
            if (_y + height > Bottom)
            {
                _graphics.Dispose();
                NewPage();
            }
        }

        private void NewPage()
        {
            var page = _pdf.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _y = PageTop;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && _graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }
            lines.Add(current);
            return lines;
        }
    }
}
