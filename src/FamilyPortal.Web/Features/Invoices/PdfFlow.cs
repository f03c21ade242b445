using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// Text drawn top to bottom on A4 pages between fixed margins, starting a new page when the next block would not
/// fit: the common ground of the invoice and attestation PDFs, which add their own rows and figures on top of it.
/// </summary>
public sealed class PdfFlow
{
    public const double Left = 50;
    public const double Right = 545;
    private const double Bottom = 790;
    private const double PageTop = 50;

    private readonly PdfDocument _pdf;
    private readonly double _lineGap;

    /// <param name="lineGap">The space left under each line of text, in points.</param>
    public PdfFlow(PdfDocument pdf, double lineGap)
    {
        _pdf = pdf;
        _lineGap = lineGap;
        NewPage();
    }

    public XGraphics Graphics { get; private set; } = null!;

    /// <summary>Where the next block starts on the current page.</summary>
    public double Y { get; private set; }

    public double LineHeight(XFont font) => font.Height + _lineGap;

    public void Space(double height) => Y += height;

    public void Line(string text, XFont font)
    {
        Fit(font.Height);
        Graphics.DrawString(text, font, XBrushes.Black, new XRect(Left, Y, Right - Left, font.Height), XStringFormats.TopLeft);
        Y += LineHeight(font);
    }

    public void Paragraph(string text, XFont font)
    {
        foreach (var line in Wrap(text, font, Right - Left))
        {
            Line(line, font);
        }
    }

    public void Rule(double height)
    {
        Fit(height);
        Graphics.DrawLine(XPens.Gray, Left, Y + 1, Right, Y + 1);
        Y += height;
    }

    /// <summary>Makes room for a block of <paramref name="height"/> points, on a new page if needed.</summary>
    public void Fit(double height)
    {
        if (Y + height > Bottom)
        {
            Graphics.Dispose();
            NewPage();
        }
    }

    public void Finish() => Graphics.Dispose();

    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
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

    private void NewPage()
    {
        var page = _pdf.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        Graphics = XGraphics.FromPdfPage(page);
        Y = PageTop;
    }
}
