using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Infrastructure;
using Microsoft.Playwright;

namespace FamilyPortal.BrowserTests;

public sealed class SecurityHeadersTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("/", 200)]
    [InlineData("/accessibilite", 200)]
    [InlineData("/page-qui-n-existe-pas", 404)]
    public async Task Every_response_the_browser_receives_carries_the_security_headers(string path, int status)
    {
        var responses = new List<IResponse>();
        Page.Response += (_, response) => responses.Add(response);

        await VisitAsync(path, status);

        Assert.Contains(responses, r => new Uri(r.Url).AbsolutePath.EndsWith(".css", StringComparison.Ordinal));
        foreach (var response in responses)
        {
            var headers = await response.AllHeadersAsync();
            var url = response.Url;
            Assert.True(headers.GetValueOrDefault("content-security-policy") == SecurityHeaders.ContentSecurityPolicy, $"CSP of {url}");
            Assert.True(headers.GetValueOrDefault("x-content-type-options") == "nosniff", $"X-Content-Type-Options of {url}");
            Assert.True(headers.GetValueOrDefault("x-frame-options") == "DENY", $"X-Frame-Options of {url}");
            Assert.True(headers.GetValueOrDefault("referrer-policy") == "same-origin", $"Referrer-Policy of {url}");
            Assert.True(headers.GetValueOrDefault("cross-origin-opener-policy") == "same-origin", $"Cross-Origin-Opener-Policy of {url}");
            Assert.Contains("camera=()", headers.GetValueOrDefault("permissions-policy") ?? "", StringComparison.Ordinal);
            Assert.False(headers.ContainsKey("server"), $"{url} reveals its server: {headers.GetValueOrDefault("server")}");
            Assert.False(headers.ContainsKey("x-powered-by"), $"{url} reveals X-Powered-By");
        }
    }
}
