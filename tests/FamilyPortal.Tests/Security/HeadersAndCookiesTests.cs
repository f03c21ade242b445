using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Security;

/// <summary>
/// Proof 8 of the hardening issue: every answer — pages of every identity, other routes, static files, error
/// pages — carries the security headers; every cookie is __Host-, Secure, HttpOnly and SameSite; error pages
/// show a French message and nothing of the server (version, stack trace, Server header).
/// </summary>
[Collection(SharedSecurityPortal.Name)]
public sealed class HeadersAndCookiesTests(SecurityFixture fixture)
{
    private static readonly string[] RevealingHeaders = ["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-SourceFiles"];

    [Fact]
    public async Task Every_page_route_and_file_answers_every_identity_with_the_security_headers()
    {
        var failures = new List<string>();
        var gets = fixture.Handlers.Where(h => !h.IsPost).Select(h => fixture.World.TargetOf(h).Url)
            .Concat(PageHandlers.OtherGetRoutes(fixture.Factory).Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{[^}]+\}", "inconnu")))
            .ToList();
        foreach (var (identity, visitor) in fixture.World.Visitors)
        {
            foreach (var url in gets)
            {
                failures.AddRange(HeaderProblems(await visitor.Client.Http.GetAsync(url), $"GET {url} as {identity}"));
            }
        }
        var anonymous = fixture.World.Visitors["anonymous"].Client.Http;
        var files = StaticFiles().ToList();
        Assert.Contains("/css/site.css", files);
        foreach (var file in files)
        {
            var response = await anonymous.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            failures.AddRange(HeaderProblems(response, $"GET {file}"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Plain_http_is_sent_to_https_with_the_security_headers()
    {
        using var http = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("http://localhost"),
        });

        var response = await http.GetAsync("/connexion");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{(int)response.StatusCode}");
        Assert.Equal("https", response.Headers.Location!.Scheme);
        Assert.Empty(HeaderProblems(response, "GET http://localhost/connexion", expectHsts: false));
    }

    [Fact]
    public async Task Every_cookie_is_host_only_secure_http_only_and_same_site()
    {
        // Sign-ins (with and without second factor) happened when the fixture started; a flash message
        // and a sign-out add the TempData cookie and the deletions.
        var parent = fixture.World.Visitors["parent"];
        Assert.Equal(HttpStatusCode.Redirect, (await parent.Client.Http.PostAsync("/panier?handler=Clear", fixture.World.HostileForm(parent.Token))).StatusCode);
        await parent.Client.Http.GetAsync("/reservations");
        var signOut = PageClient.For(fixture.Factory);
        await signOut.PostFormAsync("/connexion", new Dictionary<string, string?> { ["Identifiant"] = "inconnu", ["Password"] = "Mot de passe inconnu" });

        var cookies = fixture.Factory.SetCookies.ToList();
        var names = cookies.Select(c => c.Split('=', 2)[0]).Distinct().ToList();
        foreach (var expected in new[] { "__Host-FamilyPortal.Auth", "__Host-FamilyPortal.SecondFactor", "__Host-FamilyPortal.Antiforgery" })
        {
            Assert.Contains(expected, names);
        }
        Assert.Contains(names, n => n.Contains("TempData", StringComparison.OrdinalIgnoreCase));
        var failures = new List<string>();
        foreach (var cookie in cookies.Distinct())
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            var name = cookie.Split('=', 2)[0];
            if (!name.StartsWith("__Host-", StringComparison.Ordinal))
            {
                failures.Add($"{name}: no __Host- prefix");
            }
            if (!attributes.Contains("secure"))
            {
                failures.Add($"{name}: not Secure");
            }
            if (!attributes.Contains("httponly"))
            {
                failures.Add($"{name}: not HttpOnly");
            }
            if (!attributes.Contains("path=/") || attributes.Any(a => a.StartsWith("domain=", StringComparison.Ordinal)))
            {
                failures.Add($"{name}: not for the whole host only (Path=/, no Domain)");
            }
            if (!attributes.Any(a => a is "samesite=lax" or "samesite=strict"))
            {
                failures.Add($"{name}: SameSite is neither Lax nor Strict");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Distinct()));
    }

    [Fact]
    public async Task Error_pages_say_what_happened_in_french_and_nothing_about_the_server()
    {
        var anonymous = fixture.World.Visitors["anonymous"];
        var parent = fixture.World.Visitors["parent"];
        var agent = fixture.World.Visitors["agent"];
        var cases = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Title)[]
        {
            ("an unknown page", () => anonymous.Client.Http.GetAsync("/page-qui-n-existe-pas"), HttpStatusCode.NotFound, "Page introuvable"),
            ("a POST without token", () => anonymous.Client.Http.PostAsync("/connexion", SecurityWorld.EmptyForm()), HttpStatusCode.BadRequest, "Requête invalide"),
            ("a parent on the admin pages", () => parent.Client.Http.GetAsync("/admin"), HttpStatusCode.Forbidden, "Accès refusé"),
            ("a POST to a page without form", () => agent.Client.Http.PostAsync("/admin", fixture.World.HostileForm(agent.Token)), HttpStatusCode.MethodNotAllowed, "Action impossible"),
            ("an exception", () => anonymous.Client.Http.GetAsync(InstrumentedPortal.Crash), HttpStatusCode.InternalServerError, "Une erreur est survenue"),
            ("an exception in a POST", () => anonymous.Client.Http.PostAsync(InstrumentedPortal.Crash, SecurityWorld.EmptyForm()), HttpStatusCode.InternalServerError, "Une erreur est survenue"),
            ("an unavailable service", () => anonymous.Client.Http.GetAsync(InstrumentedPortal.Unavailable), HttpStatusCode.ServiceUnavailable, "Service momentanément indisponible"),
        };
        var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var failures = new List<string>();
        foreach (var (what, send, status, title) in cases)
        {
            var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            var page = await PageClient.ParseAsync(response);
            if (response.StatusCode != status || page.QuerySelector("h1")?.TextContent.Trim() != title)
            {
                failures.Add($"{what}: {(int)response.StatusCode} « {page.QuerySelector("h1")?.TextContent.Trim()} », expected {(int)status} « {title} »");
            }
            foreach (var revealing in new[] { version, "Exception", "   at ", "Microsoft.", "System.", "ASP.NET", ".NET", "Kestrel", "Panne provoquée", "FamilyPortal.Web" })
            {
                if (body.Contains(revealing, StringComparison.Ordinal))
                {
                    failures.Add($"{what}: the page shows « {revealing} »");
                }
            }
            failures.AddRange(HeaderProblems(response, what));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static IEnumerable<string> HeaderProblems(HttpResponseMessage response, string what, bool expectHsts = true)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : null;
        if (Header("Content-Security-Policy") != SecurityHeaders.ContentSecurityPolicy)
        {
            yield return $"{what}: Content-Security-Policy « {Header("Content-Security-Policy")} »";
        }
        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return $"{what}: X-Content-Type-Options « {Header("X-Content-Type-Options")} »";
        }
        if (Header("X-Frame-Options") != "DENY" || !SecurityHeaders.ContentSecurityPolicy.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            yield return $"{what}: X-Frame-Options « {Header("X-Frame-Options")} »";
        }
        if (Header("Referrer-Policy") is not ("same-origin" or "no-referrer" or "strict-origin-when-cross-origin"))
        {
            yield return $"{what}: Referrer-Policy « {Header("Referrer-Policy")} »";
        }
        if (Header("Permissions-Policy") is not { } permissions || !permissions.Contains("camera=()", StringComparison.Ordinal)
            || !permissions.Contains("geolocation=()", StringComparison.Ordinal))
        {
            yield return $"{what}: Permissions-Policy « {Header("Permissions-Policy")} »";
        }
        if (expectHsts && !HasLongHsts(Header("Strict-Transport-Security")))
        {
            yield return $"{what}: Strict-Transport-Security « {Header("Strict-Transport-Security")} » (at least a year expected)";
        }
        foreach (var revealing in RevealingHeaders.Where(h => Header(h) is not null))
        {
            yield return $"{what}: reveals {revealing}: {Header(revealing)}";
        }
    }

    private static bool HasLongHsts(string? value) =>
        value?.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("max-age=", StringComparison.Ordinal)) is { } maxAge
        && long.TryParse(maxAge["max-age=".Length..], out var seconds) && seconds >= 365L * 24 * 3600;

    /// <summary>Every file of wwwroot, as its address.</summary>
    private IEnumerable<string> StaticFiles()
    {
        var root = fixture.Factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(root, f).Replace('\\', '/'));
    }
}
