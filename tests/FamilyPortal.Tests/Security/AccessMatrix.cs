using System.Net;

namespace FamilyPortal.Tests.Security;

/// <summary>
/// The access matrix of docs/security.md: for a page, a page's verb or handler, or a whole folder
/// (« /Platform/** », « /*/Admin/** »), what each identity gets. The most precise row applies, so a new page under a folder
/// rule needs no row, and an exception (an administrators-only page) needs one.
/// </summary>
public sealed class AccessMatrix
{
    public const string Marker = "access-matrix";

    /// <summary>The identities, as the columns name them; « parent », « agent », « admin » belong to collectivité A.</summary>
    public static readonly string[] Identities = ["anonymous", "parent", "other parent", "other agent", "other admin", "operator", "agent", "admin"];

    public sealed record Rule(int Line, string Pattern, string? Method, string? Handler, string Address, IReadOnlyDictionary<string, string> Expected)
    {
        public bool IsFolder => Pattern.EndsWith("/**", StringComparison.Ordinal);

        public string Text => string.Join(' ', new[] { Pattern, Method, Handler }.Where(p => p is not null));

        /// <summary>« /Platform/** » is every page below that folder; « * » stands for one folder (« /*/Admin/** »).</summary>
        private bool FolderMatches(string page)
        {
            var folders = Pattern[..^3].Split('/', StringSplitOptions.RemoveEmptyEntries);
            var segments = page.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length > folders.Length
                && folders.Select((folder, i) => folder == "*" || folder == segments[i]).All(match => match);
        }

        /// <summary>How precise the row is, or null when it does not apply.</summary>
        public int? Precision(PageHandler handler)
        {
            var pageMatches = IsFolder ? FolderMatches(handler.Page) : handler.Page == Pattern;
            if (!pageMatches || (Method is not null && Method != handler.Method) || (Handler is not null && Handler != handler.Name))
            {
                return null;
            }
            // A page beats any folder, a deeper folder a shallower one; then a verb, then a handler.
            return (IsFolder ? 100 * Pattern.Count(c => c == '/') : 10_000) + (Method is null ? 0 : 10) + (Handler is null ? 0 : 1);
        }
    }

    public IReadOnlyList<Rule> Rules { get; }

    private AccessMatrix(IReadOnlyList<Rule> rules) => Rules = rules;

    public static AccessMatrix Load()
    {
        var rules = new List<Rule>();
        foreach (var row in SecurityDoc.Table(Marker))
        {
            var key = row.Cells["page, folder or handler"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(key.Length is >= 1 and <= 3 && key[0].StartsWith('/') && (key.Length < 2 || key[1] is "GET" or "POST"),
                $"docs/security.md line {row.Line}: « {row.Cells["page, folder or handler"]} » is not « /Page [GET|POST [Handler]] » nor « /Folder/** ».");
            foreach (var identity in Identities)
            {
                Assert.True(row.Cells.TryGetValue(identity, out var cell) && Outcomes.IsKnown(cell),
                    $"docs/security.md line {row.Line}: the « {identity} » cell « {cell} » is not one of {string.Join(", ", Outcomes.Known)}.");
            }
            rules.Add(new Rule(row.Line, key[0], key.ElementAtOrDefault(1), key.ElementAtOrDefault(2), row.Cells["address"],
                Identities.ToDictionary(i => i, i => row.Cells[i])));
        }
        return new AccessMatrix(rules);
    }

    /// <summary>
    /// What the identity gets. A POST to a page that has no POST handler, unless a row names that POST, is
    /// refused like the page (sign-in, 403) or, when the identity may use the page, answered 405.
    /// </summary>
    public static string ExpectedFor(Rule rule, PageHandler handler, string identity)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(handler);
        var expected = rule.Expected[identity];
        return handler is { Implicit: true, IsPost: true } && rule.Method is null && expected is not ("sign-in" or "403") ? "405" : expected;
    }

    /// <summary>The most precise row for the handler, or null when none applies.</summary>
    public Rule? RuleFor(PageHandler handler) =>
        Rules.Select(r => (Rule: r, Precision: r.Precision(handler))).Where(r => r.Precision is not null)
            .OrderByDescending(r => r.Precision).Select(r => r.Rule).FirstOrDefault();
}

/// <summary>The words of the matrix' cells and what answer each accepts.</summary>
public static class Outcomes
{
    public static readonly string[] Known = ["200", "302", "sign-in", "400", "403", "404", "405", "422", "ok", "own"];

    public static bool IsKnown(string? cell) => Known.Contains(cell);

    /// <summary>The sign-in challenge: a redirect to « /connexion?retour=… », not any redirect to the sign-in page.</summary>
    public static bool IsSignInChallenge(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) is var target
        && target.StartsWith("/connexion?", StringComparison.Ordinal)
        && target.Contains("retour=", StringComparison.Ordinal);

    /// <param name="target">The request, and whether it named a record of collectivité A.</param>
    public static bool Accepts(string expected, HttpResponseMessage response, bool isPost, Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return false;
        }
        var redirect = status is >= 300 and < 400;
        return expected switch
        {
            "sign-in" => IsSignInChallenge(response),
            "302" => redirect && !IsSignInChallenge(response),
            "ok" => HandlerRan(response, isPost),
            // A filter or selector naming A's record may be refused or ignored: what the page then shows is
            // the identity's own data (the test checks that nothing of A appears).
            "own" => target.CarriesId ? status is 403 or 404
                : target.CarriesChoice ? status is 403 or 404 || HandlerRan(response, isPost)
                : HandlerRan(response, isPost),
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture) == expected,
        };
    }

    /// <summary>
    /// GET: the page. POST (sent with a valid token and a form the handler may refuse): whatever the handler
    /// itself answers — a page re-shown with its messages, a redirect, or its own refusal of the data.
    /// </summary>
    private static bool HandlerRan(HttpResponseMessage response, bool isPost)
    {
        var status = (int)response.StatusCode;
        if (!isPost)
        {
            return status == 200;
        }
        return status is (>= 200 and < 300) or 400 or 404 or 409 or 422 or 429
            || (status is >= 300 and < 400 && !IsSignInChallenge(response));
    }
}
