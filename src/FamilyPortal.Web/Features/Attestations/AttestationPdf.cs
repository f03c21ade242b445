using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FamilyPortal.Web.Features.Attestations;

/// <summary>
/// An attestation as an A4 PDF, drawn from its stored figures only (the same attestation always prints the same),
/// with PDFsharp in DejaVu Sans like the invoices (see <see cref="PdfFonts"/>).
/// </summary>
public sealed class AttestationPdf
{
    private const double Left = 50;
    private const double Right = 545;
    private const double Bottom = 790;
    private const double AmountWidth = 90;

    private readonly XFont _title;
    private readonly XFont _heading;
    private readonly XFont _text;
    private readonly XFont _bold;
    private readonly XFont _small;

    public AttestationPdf(string fontDirectory)
    {
        PdfFonts.Install(fontDirectory);
        _title = new XFont(PdfFonts.Family, 16, XFontStyleEx.Bold);
        _heading = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
        _text = new XFont(PdfFonts.Family, 10);
        _bold = new XFont(PdfFonts.Family, 10, XFontStyleEx.Bold);
        _small = new XFont(PdfFonts.Family, 8);
    }

    public byte[] Render(Attestation attestation, string platformName)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{AttestationTexts.Title(attestation.Kind)} {attestation.Number}";
        pdf.Info.Author = attestation.MunicipalityName;
        pdf.Info.Creator = platformName;
        var page = new Page(pdf);

        page.Line(attestation.MunicipalityName, _heading);
        foreach (var line in (attestation.MunicipalityAddress ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            page.Line(line, _text);
        }
        if (attestation.Siret is { } siret)
        {
            page.Line($"SIRET : {Siret.Format(siret)}", _text);
        }
        page.Space(16);
        page.Paragraph(AttestationTexts.Title(attestation.Kind), _title);
        if (attestation.Kind == AttestationKind.Tax)
        {
            page.Line("Frais de garde des enfants de moins de 6 ans", _bold);
        }
        page.Line($"N° {attestation.Number}", _bold);
        page.Space(10);
        page.Paragraph(AttestationTexts.Statement(attestation), _text);
        page.Space(10);

        foreach (var line in attestation.Lines.OrderBy(l => l.Position))
        {
            var figure = attestation.Kind == AttestationKind.Tax ? Money.Format(line.Amount ?? 0) : AttestationTexts.Days(line.Days);
            page.Figure(line.Activity, figure, _text);
            if (line.Dates is { } dates)
            {
                page.Paragraph(dates, _small);
                page.Space(4);
            }
        }
        if (attestation.Amount is { } amount)
        {
            page.Rule();
            page.Figure($"Montant total payé en {attestation.PeriodStart.Year}", Money.Format(amount), _bold);
            page.Space(6);
            page.Paragraph(AttestationTexts.TaxNotice, _small);
        }
        page.Space(18);
        page.Line($"Fait le {FrenchDates.Numeric(attestation.IssueDate)}, pour servir et valoir ce que de droit.", _text);
        page.Space(6);
        page.Line(attestation.SignatoryName ?? $"Pour {attestation.MunicipalityName}", _bold);
        if (attestation.SignatoryTitle is { } title)
        {
            page.Line(title, _text);
        }
        page.Space(24);
        page.Paragraph($"Document émis par {attestation.MunicipalityName} sur {platformName}, à la demande de la famille. Il peut être redemandé à l'identique sur l'espace famille (même numéro).", _small);
        page.Finish();

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Draws top to bottom, starting a new page when the next line would not fit.</summary>
    private sealed class Page
    {
        private readonly PdfDocument _pdf;
        private XGraphics _graphics = null!;
        private double _y;

        public Page(PdfDocument pdf)
        {
            _pdf = pdf;
            NewPage();
        }

        public void Space(double height) => _y += height;

        public void Line(string text, XFont font)
        {
            Fit(font.Height);
            _graphics.DrawString(text, font, XBrushes.Black, new XRect(Left, _y, Right - Left, font.Height), XStringFormats.TopLeft);
            _y += font.Height + 2;
        }

        public void Paragraph(string text, XFont font)
        {
            foreach (var line in Wrap(text, font, Right - Left))
            {
                Line(line, font);
            }
        }

        /// <summary>A label on the left (wrapped), its figure right-aligned.</summary>
        public void Figure(string label, string figure, XFont font)
        {
            var lines = Wrap(label, font, Right - Left - AmountWidth - 10);
            Fit(lines.Count * (font.Height + 2));
            var top = _y;
            foreach (var line in lines)
            {
                _graphics.DrawString(line, font, XBrushes.Black, new XRect(Left, _y, Right - Left - AmountWidth, font.Height), XStringFormats.TopLeft);
                _y += font.Height + 2;
            }
            // Drawn after the label, so that the text of the PDF reads « label figure ».
            _graphics.DrawString(figure, font, XBrushes.Black, new XRect(Right - AmountWidth, top, AmountWidth, font.Height), XStringFormats.TopRight);
        }

        public void Rule()
        {
            Fit(5);
            _graphics.DrawLine(XPens.Gray, Left, _y + 1, Right, _y + 1);
            _y += 5;
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
            _y = 50;
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
