using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// How a deposited file leaves the portal: as an attachment the browser saves rather than renders (a PDF may
/// hold scripts), or, for a re-encoded image only, inline for the staff viewer; never sniffed, never cached.
/// </summary>
public static class DocumentDownload
{
    public static FileContentResult Attachment(HttpResponse response, SupportingDocument document, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(document);
        return Attachment(response, document.FileName, content);
    }

    /// <summary>A file kept under the same rules (a message's attachment), as a download.</summary>
    public static FileContentResult Attachment(HttpResponse response, string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(response);
        Harden(response);
        // The type is the content's, checked at deposit: nothing stored is echoed into a header as it is.
        var contentType = UploadRules.KindOf(content) is { } kind ? UploadRules.ContentTypeOf(kind) : "application/octet-stream";
        // FileDownloadName makes the answer « Content-Disposition: attachment » with the name encoded.
        return new FileContentResult(content, contentType) { FileDownloadName = fileName };
    }

    /// <summary>An image re-encoded at deposit, shown in the page; anything else is not served inline.</summary>
    public static IActionResult InlineImage(HttpResponse response, SupportingDocument document, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(document);
        if (!UploadRules.IsImage(document.ContentType))
        {
            return new NotFoundResult();
        }
        Harden(response);
        response.Headers[HeaderNames.ContentDisposition] = "inline";
        return new FileContentResult(content, document.ContentType);
    }

    private static void Harden(HttpResponse response)
    {
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.Headers["Content-Security-Policy"] = "default-src 'none'; sandbox";
    }
}
