using System.Security.Cryptography;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>A deposited file checked and made ready to store, or the French reason it is refused.</summary>
public sealed record PreparedFile(byte[] Content, string ContentType, string FileName, string Sha256);

/// <summary>
/// Checks a deposited file and prepares what is stored: the size, the kind from the content, a PDF's
/// structure, an image decoded and encoded again (EXIF and location gone). Nothing is written here.
/// </summary>
public static class DocumentFiles
{
    public static async Task<(PreparedFile? File, string? Problem)> PrepareAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null)
        {
            return (null, UploadRules.Missing);
        }
        if (UploadRules.SizeProblem(upload.Length) is { } sizeProblem)
        {
            return (null, sizeProblem);
        }
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        return Prepare(buffer.ToArray(), upload.FileName);
    }

    public static (PreparedFile? File, string? Problem) Prepare(byte[] content, string? sentName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (UploadRules.SizeProblem(content.LongLength) is { } sizeProblem)
        {
            return (null, sizeProblem);
        }
        if (UploadRules.KindOf(content) is not { } kind)
        {
            return (null, UploadRules.WrongType);
        }
        var stored = content;
        if (kind == UploadKind.Pdf)
        {
            if (!UploadRules.LooksLikeWholePdf(content))
            {
                return (null, UploadRules.Unreadable);
            }
        }
        else
        {
            var outcome = ImageReencoder.Reencode(content, kind);
            if (outcome.Content is null)
            {
                return (null, outcome.Problem ?? UploadRules.Unreadable);
            }
            stored = outcome.Content;
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(stored));
        return (new PreparedFile(stored, UploadRules.ContentTypeOf(kind), UploadRules.SafeFileName(sentName, kind), sha), null);
    }
}
