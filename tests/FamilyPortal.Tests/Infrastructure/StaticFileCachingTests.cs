using System.Net;
using AngleSharp.Html.Parser;

namespace FamilyPortal.Tests.Infrastructure;

/// <summary>The stylesheet and scripts, asked with their version as the pages write them, are kept by browsers; without it they are revalidated.</summary>
public class StaticFileCachingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_pages_stylesheet_is_cached_for_a_year_under_its_versioned_address()
    {
        var client = factory.CreateClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", stylesheet, StringComparison.Ordinal);

        using var versioned = await client.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal(StaticFileCaching.Versioned, versioned.Headers.CacheControl!.ToString());

        using var plain = await client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plain.Headers.CacheControl!.NoCache);
        Assert.NotNull(plain.Headers.ETag);
    }

    [Fact]
    public async Task Pages_themselves_are_not_marked_cacheable()
    {
        using var home = await factory.CreateClient().GetAsync("/");
        Assert.False(home.Headers.CacheControl?.Public ?? false);
    }
}
