using System.Globalization;
using System.Text;
using QRCoder;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// A QR code as the outline of its dark modules, for an inline <c>&lt;svg&gt;</c> written by the page itself:
/// no image address, no inline style, nothing the content security policy has to allow.
/// </summary>
/// <param name="Size">Modules per side, quiet zone included.</param>
/// <param name="Path">SVG path data: one unit square per dark module, made of numbers and commands only.</param>
public sealed record QrCodeImage(int Size, string Path)
{
    public static QrCodeImage For(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var path = new StringBuilder();
        for (var y = 0; y < rows.Count; y++)
        {
            var row = rows[y];
            var x = 0;
            while (x < row.Length)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }
                // A run of dark modules on the row is one rectangle.
                var start = x;
                while (x < row.Length && row[x])
                {
                    x++;
                }
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start}v1h-{x - start}z");
            }
        }
        return new QrCodeImage(rows.Count, path.ToString());
    }
}
