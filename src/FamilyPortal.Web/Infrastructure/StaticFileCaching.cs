using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// How long browsers keep the stylesheet, scripts and images. Pages ask for them with their version
/// (« ?v=… », written by asp-append-version from the file's content), so under that address a file never
/// changes: it is kept a year and not asked again, which spares a phone on a weak connection a request per
/// file on every page. A file asked without its version is checked with its ETag each time.
/// </summary>
public static class StaticFileCaching
{
    public const string Versioned = "public, max-age=31536000, immutable";
    public const string Unversioned = "no-cache";

    public static void Apply(StaticFileResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Context.Response.Headers[HeaderNames.CacheControl] =
            context.Context.Request.Query.ContainsKey("v") ? Versioned : Unversioned;
    }
}
