using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FamilyPortal.Web.Features.Attestations;

/// <summary>
/// An attestation as an A4 PDF, drawn from its stored figures only (the same attestation always prints the same),
/// with PDFsharp in DejaVu Sans like the invoices (see <see cref="PdfFonts"/>).
/// </summary>
public sealed class AttestationPdf
{
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

    /// <summary>The attestation's figures (a label and its amount or days) over a <see cref="PdfFlow"/>.</summary>
    private sealed class Page(PdfDocument pdf)
    {
        private readonly PdfFlow _flow = new(pdf, lineGap: 2);

        public void Space(double height) => _flow.Space(height);

        public void Line(string text, XFont font) => _flow.Line(text, font);

        public void Paragraph(string text, XFont font) => _flow.Paragraph(text, font);

        public void Rule() => _flow.Rule(5);

        public void Finish() => _flow.Finish();

        /// <summary>A label on the left (wrapped), its figure right-aligned.</summary>
        public void Figure(string label, string figure, XFont font)
        {
            var lines = _flow.Wrap(label, font, PdfFlow.Right - PdfFlow.Left - AmountWidth - 10);
            _flow.Fit(lines.Count * _flow.LineHeight(font));
            var top = _flow.Y;
            foreach (var line in lines)
            {
                _flow.Graphics.DrawString(line, font, XBrushes.Black, new XRect(PdfFlow.Left, _flow.Y, PdfFlow.Right - PdfFlow.Left - AmountWidth, font.Height), XStringFormats.TopLeft);
                _flow.Space(_flow.LineHeight(font));
            }
            // Drawn after the label, so that the text of the PDF reads « label figure ».
            _flow.Graphics.DrawString(figure, font, XBrushes.Black, new XRect(PdfFlow.Right - AmountWidth, top, AmountWidth, font.Height), XStringFormats.TopRight);
        }
    }
}
