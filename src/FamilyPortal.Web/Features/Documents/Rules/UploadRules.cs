using System.Text;

namespace FamilyPortal.Web.Features.Documents.Rules;

/// <summary>The three kinds of file a family may deposit, read from the content, never from the name.</summary>
public enum UploadKind
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>
/// What a deposited file must be before anything is written: small enough, of a known kind by its first bytes
/// (a name proves nothing), a PDF that has a PDF's header and end marker, an image whose declared dimensions
/// stay under a pixel budget — read before decoding, so a tiny file declaring a huge image is refused without
/// the memory its decoding would take.
/// </summary>
public static class UploadRules
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>50 million pixels: a phone's largest photos pass; decoding stays within a few hundred MB.</summary>
    public const long MaxPixels = 50_000_000;

    public const string TooLarge = "Le fichier dépasse 10 Mo.";
    public const string Empty = "Le fichier est vide.";
    public const string Missing = "Choisissez le fichier à déposer.";
    public const string WrongType = "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (le contenu est vérifié, pas seulement le nom). Déposez un PDF ou une photo JPEG ou PNG.";
    public const string Unreadable = "Le fichier est illisible ou endommagé. Déposez-le à nouveau ou prenez une autre photo.";
    public const string TooManyPixels = "L'image est trop grande (plus de 50 millions de pixels). Réduisez sa taille ou prenez une photo en qualité normale.";

    private static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();
    private static readonly byte[] PdfEnd = "%%EOF"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The problem with the size, or null.</summary>
    public static string? SizeProblem(long length) => length switch
    {
        <= 0 => Empty,
        > MaxBytes => TooLarge,
        _ => null,
    };

    /// <summary>The kind by magic bytes, or null for anything else.</summary>
    public static UploadKind? KindOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfHeader))
        {
            return UploadKind.Pdf;
        }
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return UploadKind.Jpeg;
        }
        return content.StartsWith(PngSignature) ? UploadKind.Png : null;
    }

    /// <summary>A PDF starts with « %PDF- » and ends with « %%EOF » (a few bytes of white space may follow).</summary>
    public static bool LooksLikeWholePdf(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith(PdfHeader))
        {
            return false;
        }
        var tail = content[Math.Max(0, content.Length - 1024)..];
        return tail.LastIndexOf(PdfEnd) >= 0;
    }

    /// <summary>The declared dimensions are those of a real picture and within the pixel budget.</summary>
    public static string? DimensionsProblem(int width, int height) =>
        width <= 0 || height <= 0 ? Unreadable
        : (long)width * height > MaxPixels ? TooManyPixels
        : null;

    public static string ContentTypeOf(UploadKind kind) => kind switch
    {
        UploadKind.Pdf => "application/pdf",
        UploadKind.Jpeg => "image/jpeg",
        UploadKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool IsImage(string contentType) => contentType is "image/jpeg" or "image/png";

    private static string ExtensionOf(UploadKind kind) => kind switch
    {
        UploadKind.Pdf => ".pdf",
        UploadKind.Jpeg => ".jpg",
        _ => ".png",
    };

    /// <summary>
    /// The name kept and offered at download: the base of the sent name without directories, control or
    /// reserved characters, at most 100 characters, with the extension of the real kind.
    /// </summary>
    public static string SafeFileName(string? sentName, UploadKind kind, string fallback = "document")
    {
        var name = sentName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }
        var kept = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && "<>:\"|?*;".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                kept.Append(c);
            }
        }
        var safe = kept.ToString().Trim().Trim('.');
        if (safe.Length == 0)
        {
            safe = fallback;
        }
        if (safe.Length > 100)
        {
            safe = safe[..100];
        }
        return safe + ExtensionOf(kind);
    }
}
