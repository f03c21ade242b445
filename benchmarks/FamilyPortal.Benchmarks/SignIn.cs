using System.Net;
using System.Text.RegularExpressions;

namespace FamilyPortal.Benchmarks;

/// <summary>Signs in through the real « Mon compte » form, as a browser without JavaScript does.</summary>
internal static partial class SignIn
{
    public static async Task AsAsync(HttpClient http, BenchParent parent, CancellationToken ct)
    {
        var page = await http.GetStringAsync(new Uri("/connexion", UriKind.Relative), ct);
        var token = AntiforgeryToken().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no anti-forgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Identifiant"] = parent.Login,
            ["Password"] = parent.Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await http.PostAsync(new Uri("/connexion", UriKind.Relative), form, ct);
        // Signed in: redirected to the parent's landing page; a refusal shows the form again.
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/connexion", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*\svalue=""([^""]+)""")]
    private static partial Regex AntiforgeryToken();
}
