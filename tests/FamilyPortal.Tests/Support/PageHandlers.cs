using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Support;

/// <summary>One request a page answers: GET or POST, with its handler name (« Invite » for OnPostInviteAsync).</summary>
/// <param name="Page">The page's path in the Pages folder, « /Admin/Staff/Index ».</param>
/// <param name="Template">Its route, « admin/familles/{id:int} ».</param>
/// <param name="Parameters">Names of the handler method's parameters.</param>
/// <param name="Properties">Names of the page's bound properties this verb reads (for a GET, those with SupportsGet).</param>
/// <param name="Implicit">A page without any handler method for this verb: Razor Pages still answers it.</param>
public sealed record PageHandler(string Page, string Template, string Method, string? Name,
    IReadOnlyList<string> Parameters, IReadOnlyList<string> Properties, bool IgnoresAntiforgery, bool Implicit)
{
    public bool IsPost => Method == "POST";

    /// <summary>How the access matrix names it: « /Admin/Staff/Index POST Invite ».</summary>
    public string Key => Name is null ? $"{Page} {Method}" : $"{Page} {Method} {Name}";

    public override string ToString() => Key;
}

/// <summary>
/// Every page and handler of the running portal, read from its endpoint data (the action descriptors MVC
/// built from the compiled pages), so that a page added later is tested without anyone listing it.
/// </summary>
public static class PageHandlers
{
    public static async Task<IReadOnlyList<PageHandler>> DiscoverAsync(PortalFactory factory)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Where(p => p.AttributeRouteInfo?.Template is not null)
            // « /Index » answers at « / » and « /Index »: the shortest route is the page's address.
            .GroupBy(p => p.ViewEnginePath)
            .Select(g => g.OrderBy(p => p.AttributeRouteInfo!.Template!.Length).First());
        var handlers = new List<PageHandler>();
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var ignoresAntiforgery = compiled.EndpointMetadata.OfType<IgnoreAntiforgeryTokenAttribute>().Any()
                || compiled.FilterDescriptors.Any(f => f.Filter is IgnoreAntiforgeryTokenAttribute);
            var bound = compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                .Select(p => (Attribute: p.Property.GetCustomAttribute<BindPropertyAttribute>(), p.Property.Name))
                .Where(p => p.Attribute is not null)
                .Select(p => (Name: p.Attribute!.Name ?? p.Name, p.Attribute.SupportsGet))
                .ToList();
            foreach (var method in new[] { "GET", "POST" })
            {
                var mine = compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)).ToList();
                var properties = bound.Where(p => method == "POST" || p.SupportsGet).Select(p => p.Name).ToList();
                if (mine.Count == 0)
                {
                    handlers.Add(new PageHandler(page.ViewEnginePath, page.AttributeRouteInfo!.Template!, method, null, [], properties, ignoresAntiforgery, Implicit: true));
                    continue;
                }
                handlers.AddRange(mine.Select(h => new PageHandler(page.ViewEnginePath, page.AttributeRouteInfo!.Template!, method,
                    string.IsNullOrEmpty(h.Name) ? null : h.Name,
                    h.Parameters.Where(p => p.ParameterType != typeof(CancellationToken)).Select(p => p.Name).ToList(),
                    properties, ignoresAntiforgery, Implicit: false)));
            }
        }
        return handlers.OrderBy(h => h.Page, StringComparer.Ordinal).ThenBy(h => h.Method, StringComparer.Ordinal)
            .ThenBy(h => h.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The GET routes that are not pages (captcha pictures, health): their patterns.</summary>
    public static IReadOnlyList<string> OtherGetRoutes(PortalFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || methods.HttpMethods.Count == 0 || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
