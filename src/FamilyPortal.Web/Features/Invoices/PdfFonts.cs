using PdfSharp.Fonts;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// PDFsharp finds no system fonts on Linux: every face it asks for is DejaVu Sans, read from the folder of the
/// operating system's fonts-dejavu-core package (the Dockerfile and test.sh install it).
/// </summary>
public sealed class PdfFonts(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>PDFsharp keeps one resolver for the whole process: the first call installs it.</summary>
    public static void Install(string directory)
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }
            foreach (var face in new[] { Regular, Bold })
            {
                var path = Path.Combine(directory, face + ".ttf");
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException($"Police introuvable pour les PDF : {path} (paquet fonts-dejavu-core).");
                }
            }
            GlobalFontSettings.FontResolver = new PdfFonts(directory);
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) =>
        File.ReadAllBytes(Path.Combine(directory, (faceName == Bold ? Bold : Regular) + ".ttf"));
}
