using System.Net;

namespace FamilyPortal.Tests.Security;

/// <summary>
/// Proof 2 of the hardening issue: a POST without a valid anti-forgery token changes nothing anywhere in the
/// database and answers 400 (or, before that, the sign-in or 403 of a page the identity may not use); and
/// reading every page as every identity changes no data, but for the tables listed in docs/security.md.
/// </summary>
[Collection(SharedSecurityPortal.Name)]
public sealed class AntiforgeryTests(SecurityFixture fixture)
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Every_POST_without_a_valid_token_answers_400_and_writes_nothing()
    {
        var exceptions = Exceptions();
        var before = await DatabaseFingerprint.OfDatabaseAsync(Factory);
        var failures = new List<string>();
        var posts = fixture.Handlers.Where(h => h.IsPost).ToList();
        Assert.True(posts.Count(h => !h.Implicit) >= 20, "Too few POST handlers found: " + string.Join(", ", posts));

        foreach (var (identity, visitor) in fixture.World.Visitors)
        {
            // A token issued to someone else: the anonymous visitor's for the signed-in, a parent's for the visitor.
            var foreignToken = fixture.World.Visitors[identity == "anonymous" ? "parent" : "anonymous"].Token;
            foreach (var handler in posts)
            {
                var target = fixture.World.TargetOf(handler);
                var refusal = fixture.Expected(handler, identity);
                var expected = refusal is "sign-in" or "403" ? refusal
                    : exceptions.FirstOrDefault(e => Matches(e.Pattern, handler.Page)).Answer ?? "400";
                foreach (var (label, token) in new[] { ("no token", (string?)null), ("another's token", foreignToken) })
                {
                    var response = await fixture.World.SendAsync(visitor.Client, handler, target, token);
                    if (!Outcomes.Accepts(expected, response, isPost: true, target with { CarriesId = false, CarriesChoice = false }))
                    {
                        failures.Add($"POST {target.Url} ({handler.Key}) as {identity} with {label}: expected {expected}, got {(int)response.StatusCode}");
                    }
                    else if (expected == "400" && (await PageClient.ParseAsync(response)).QuerySelector("h1")?.TextContent != "Requête invalide")
                    {
                        failures.Add($"POST {target.Url} as {identity} with {label}: the 400 is not the French error page");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} POSTs without a valid token were not refused:\n" + string.Join('\n', failures));
        var after = await DatabaseFingerprint.OfDatabaseAsync(Factory);
        Assert.True(DatabaseFingerprint.Differences(before, after).Length == 0,
            "POSTs without a valid token changed the database: " + DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public void Pages_that_accept_a_POST_without_token_are_the_ones_listed_in_docs_security()
    {
        var exceptions = Exceptions();
        var ignoring = fixture.Handlers.Where(h => h.IgnoresAntiforgery).Select(h => h.Page).Distinct().ToList();

        var unlisted = ignoring.Where(p => !exceptions.Any(e => Matches(e.Pattern, p))).ToList();
        Assert.True(unlisted.Count == 0, "Pages ignoring the anti-forgery token, not listed in docs/security.md: " + string.Join(", ", unlisted));
        var stale = exceptions.Where(e => !ignoring.Any(p => Matches(e.Pattern, p))).Select(e => e.Pattern).ToList();
        Assert.True(stale.Count == 0, "Listed in docs/security.md but checking the token: " + string.Join(", ", stale));
        Assert.Contains("/Home/Erreur", ignoring);
    }

    [Fact]
    public async Task Reading_every_page_as_every_identity_changes_no_data()
    {
        var allowed = SecurityDoc.Table("get-writes").Select(r => r.Cells["table"]).ToList();
        var gets = fixture.Handlers.Where(h => !h.IsPost).Select(h => (Key: h.Key, Target: fixture.World.TargetOf(h).Url))
            .Concat(PageHandlers.OtherGetRoutes(Factory).Select(r => (Key: r, Target: OtherRoute(r))))
            .ToList();
        var changes = new List<string>();
        // Something no identity has read yet, whatever the other tests of the portal did before.
        await SecurityWorld.AddPublishedNewsAsync(Factory, fixture.World.A);
        await SecurityWorld.AddPublishedNewsAsync(Factory, fixture.World.B);
        var before = await DatabaseFingerprint.OfDatabaseAsync(Factory, except: allowed);

        foreach (var (key, target) in gets)
        {
            foreach (var (identity, visitor) in fixture.World.Visitors)
            {
                var response = await visitor.Client.Http.GetAsync(target);
                Assert.True((int)response.StatusCode < 500, $"GET {target} as {identity} answered {(int)response.StatusCode}");
            }
            var after = await DatabaseFingerprint.OfDatabaseAsync(Factory, except: allowed);
            if (DatabaseFingerprint.Differences(before, after) is { Length: > 0 } difference)
            {
                changes.Add($"GET {target} ({key}) changed {difference}");
                before = after;
            }
        }

        Assert.True(gets.Count >= 40, "Too few GETs found: " + string.Join(", ", gets.Select(g => g.Key)));
        Assert.True(changes.Count == 0, "Reading pages changed data (docs/security.md lists the tables a GET may change):\n" + string.Join('\n', changes));
    }

    [Fact]
    public async Task A_request_that_names_no_handler_of_the_page_gets_404_or_405_never_an_unloaded_page()
    {
        var failures = new List<string>();
        foreach (var page in fixture.Handlers.Where(h => h is { IsPost: false, Name: null }))
        {
            // Someone who may read the page: its handlers run, so only the handler name decides.
            var reader = fixture.World.Visitors.Keys.FirstOrDefault(i => fixture.Expected(page, i) is "200" or "ok" or "own");
            if (reader is null)
            {
                continue;
            }
            var visitor = fixture.World.Visitors[reader];
            var url = fixture.World.TargetOf(page).Url;
            var unknown = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Inexistant";
            var posts = fixture.Handlers.Where(h => h.Page == page.Page && h.IsPost).ToList();
            // Razor Pages runs the unnamed handler of the verb for an unknown name; without one, nothing runs.
            var get = await visitor.Client.Http.GetAsync(unknown);
            if ((int)get.StatusCode >= 500 || (page.Implicit && get.StatusCode != HttpStatusCode.NotFound))
            {
                failures.Add($"GET {unknown} as {reader}: {(int)get.StatusCode}{(page.Implicit ? " (expected 404)" : "")}");
            }
            var post = await visitor.Client.Http.PostAsync(unknown, fixture.World.HostileForm(visitor.Token));
            var unnamedPost = posts.Any(h => h is { Name: null, Implicit: false });
            if ((int)post.StatusCode >= 500 || (!unnamedPost && post.StatusCode != HttpStatusCode.NotFound))
            {
                failures.Add($"POST {unknown} as {reader}: {(int)post.StatusCode}{(unnamedPost ? "" : " (expected 404)")}");
            }
            if (posts.Any(h => h.Implicit))
            {
                var plain = await visitor.Client.Http.PostAsync(url, fixture.World.HostileForm(visitor.Token));
                if (plain.StatusCode != HttpStatusCode.MethodNotAllowed || !plain.Content.Headers.Allow.Contains("GET"))
                {
                    failures.Add($"POST {url} as {reader}: {(int)plain.StatusCode} (expected 405 with Allow: GET)");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static List<(string Pattern, string? Answer)> Exceptions() =>
        SecurityDoc.Table("antiforgery-exceptions").Select(r => (r.Cells["page or folder"], (string?)r.Cells["answer without a token"])).ToList();

    private static bool Matches(string pattern, string page) =>
        pattern.EndsWith("/**", StringComparison.Ordinal) ? page.StartsWith(pattern[..^2], StringComparison.Ordinal) : page == pattern;

    /// <summary>A route that is not a page, with a value for each parameter (« /captcha/{id}.png » → « /captcha/inconnu.png »).</summary>
    private static string OtherRoute(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", "inconnu");
}
