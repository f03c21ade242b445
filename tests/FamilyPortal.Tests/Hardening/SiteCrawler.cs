using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Hardening;

/// <summary>A page as fetched by one visitor.</summary>
public sealed record FetchedPage(string Url, HttpStatusCode Status, string ContentType, byte[] Bytes)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);

    public bool IsHtml => ContentType.StartsWith("text/html", StringComparison.Ordinal);
}

/// <summary>
/// Finds the pages a visitor can reach without being told about them: every page route of the running
/// application (ids filled with the visitor's own records), every GET handler, every link and every GET form
/// (submitted with its defaults) of the pages found, breadth first. Pages added later are found the same way.
/// </summary>
public static partial class SiteCrawler
{
    /// <summary>Addresses never fetched: signing out ends the visit; the development pages do not exist in tests.</summary>
    private static readonly string[] Excluded = ["/deconnexion", "/dev/", "/Erreur"];

    private static readonly string[] StaticExtensions = [".css", ".js", ".png", ".svg", ".ico", ".wav", ".jpg", ".woff", ".woff2", ".map"];

    public static async Task<IReadOnlyList<FetchedPage>> CrawlAsync(PortalFactory factory, Visitor visitor, int maxPages = 160, int maxPerShape = 3)
    {
        var queue = new Queue<string>(SeedUrls(factory, visitor.Ids));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new List<FetchedPage>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url) || Excluded.Any(e => url.StartsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var shape = ShapeOf(url);
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            if (shapes[shape] > maxPerShape)
            {
                continue;
            }
            var response = await visitor.Client.Http.GetAsync(url);
            var page = new FetchedPage(url, response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "",
                await response.Content.ReadAsByteArrayAsync());
            pages.Add(page);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                && response.Headers.Location is { } location && !location.IsAbsoluteUri)
            {
                queue.Enqueue(location.OriginalString);
            }
            if (page.Status == HttpStatusCode.OK && page.IsHtml)
            {
                var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page.Text);
                foreach (var next in LinksOf(document, url))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return pages;
    }

    /// <summary>The POST forms of the HTML pages, one per place they post to (the variant with the most fields).</summary>
    public static IReadOnlyList<DiscoveredForm> FormsOf(IEnumerable<FetchedPage> pages)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        return pages.Where(p => p.Status == HttpStatusCode.OK && p.IsHtml)
            .SelectMany(p => DiscoveredForm.From(parser.ParseDocument(p.Text), p.Url))
            .GroupBy(f => f.Key)
            .Select(g => g.MaxBy(f => f.Fields.Count)!)
            .ToList();
    }

    private static IEnumerable<string> LinksOf(IHtmlDocument document, string pageUrl)
    {
        var baseUri = new Uri(new Uri("https://localhost"), pageUrl);
        foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
        {
            if (Local(baseUri, href) is { } link)
            {
                yield return link;
            }
        }
        foreach (var form in document.Forms.Where(f => !string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action");
            var target = Local(baseUri, string.IsNullOrEmpty(action) ? pageUrl : action);
            if (target is null)
            {
                continue;
            }
            var values = form.Elements
                .Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && e is not IHtmlButtonElement
                    && !(e is IHtmlInputElement { Type: "checkbox" or "radio" or "submit" } box && !box.IsChecked))
                .Select(e => $"{Uri.EscapeDataString(e.GetAttribute("name")!)}={Uri.EscapeDataString(e switch
                {
                    IHtmlSelectElement s => s.Value ?? "",
                    IHtmlInputElement i => i.Value,
                    IHtmlTextAreaElement t => t.Value,
                    _ => "",
                })}");
            yield return $"{target.Split('?')[0]}?{string.Join('&', values)}";
        }
    }

    private static string? Local(Uri baseUri, string href)
    {
        if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!Uri.TryCreate(baseUri, href, out var uri) || uri.Host != baseUri.Host || uri.Scheme != baseUri.Scheme)
        {
            return null;
        }
        if (StaticExtensions.Any(e => uri.AbsolutePath.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return uri.PathAndQuery;
    }

    /// <summary>Addresses that differ only by their ids or query values are the same kind of page.</summary>
    private static string ShapeOf(string url)
    {
        var parts = url.Split('?', 2);
        var keys = parts.Length > 1
            ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0] == "handler" ? p : p.Split('=')[0]).Order(StringComparer.Ordinal))
            : "";
        return DigitRuns().Replace(parts[0], "#") + "?" + keys;
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitRuns();

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>Every page route of the application, and its GET handlers, with the visitor's own ids.</summary>
    private static IEnumerable<string> SeedUrls(PortalFactory factory, IReadOnlyDictionary<string, string> ids)
    {
        var pages = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Where(p => p.AttributeRouteInfo?.Template is not null)
            .OrderBy(p => p.AttributeRouteInfo!.Template!.Length);
        foreach (var page in pages)
        {
            var missing = false;
            var path = "/" + RouteParameter().Replace(page.AttributeRouteInfo!.Template!, m =>
            {
                if (ids.TryGetValue(m.Groups["name"].Value.ToLowerInvariant(), out var id))
                {
                    return id;
                }
                missing |= !m.Groups["optional"].Success && m.Groups["name"].Value != "handler";
                return "";
            }).TrimEnd('/');
            if (missing)
            {
                // An id the visitor has no record for: the links of the pages found lead there.
                continue;
            }
            path = path.Length == 0 ? "/" : path.Replace("//", "/", StringComparison.Ordinal);
            yield return path;
            foreach (var handler in GetHandlers(page))
            {
                yield return $"{path}?handler={handler}";
            }
        }
    }

    private static IEnumerable<string> GetHandlers(PageActionDescriptor page)
    {
        var name = "FamilyPortal.Web.Features" + page.ViewEnginePath.Replace('/', '.') + "Model";
        var model = typeof(Program).Assembly.GetType(name);
        if (model is null)
        {
            return [];
        }
        return model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) && m.Name is not ("OnGet" or "OnGetAsync"))
            .Select(m => m.Name[5..].Replace("Async", "", StringComparison.Ordinal))
            .Distinct();
    }
}
