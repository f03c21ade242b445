using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Email;

/// <summary>
/// Absolute links for mail, built from « App:PublicBaseUrl » only. The request's Host header is never
/// used: a forged Host would otherwise send parents a reset link to someone else's site.
/// </summary>
public sealed class PublicLinks
{
    private readonly Uri _base;

    public PublicLinks(IOptions<PublicSiteOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _base = ParseBase(options.Value.PublicBaseUrl);
    }

    /// <param name="relativePath">A path of this site, starting with « / », e.g. « /mon-compte/mot-de-passe ».</param>
    /// <param name="query">Query values, encoded here; null values are left out.</param>
    public string Absolute(string relativePath, IDictionary<string, string?>? query = null)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (!relativePath.StartsWith('/') || relativePath.StartsWith("//", StringComparison.Ordinal)
            || relativePath.Contains('\\', StringComparison.Ordinal) || relativePath.Any(char.IsControl)
            || relativePath.Contains('?', StringComparison.Ordinal) || relativePath.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException("Le chemin doit être un chemin local commençant par « / », sans requête.", nameof(relativePath));
        }
        var url = _base.AbsoluteUri.TrimEnd('/') + relativePath;
        if (query is not null)
        {
            url = QueryHelpers.AddQueryString(url, query.Where(p => p.Value is not null));
        }
        return url;
    }

    public static bool IsValidBaseUrl(string? value) => TryParseBase(value, out _);

    private static Uri ParseBase(string? value) =>
        TryParseBase(value, out var uri)
            ? uri
            : throw new InvalidOperationException("App:PublicBaseUrl doit être une adresse absolue http(s) sans requête.");

    private static bool TryParseBase(string? value, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment)
            || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }
        uri = parsed;
        return true;
    }
}
