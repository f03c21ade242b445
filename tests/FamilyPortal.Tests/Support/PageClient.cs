using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// Drives the pages as a browser without JavaScript would: reads the HTML, fills a form (with its
/// anti-forgery token and hidden fields) and posts it, keeping cookies between requests.
/// </summary>
public sealed class PageClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public static PageClient For(PortalFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        }));

    public HttpClient Http { get; } = http;

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits the form that contains the given submit button text (or the only form), with overridden fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string pageUrl, IDictionary<string, string?> values, string? formAction = null)
    {
        var forms = page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ToList();
        // Without a named action, the page's own form: not the header's « Se déconnecter ».
        var form = formAction is null
            ? forms.FirstOrDefault(f => f.GetAttribute("action") != "/deconnexion") ?? forms.First()
            : forms.First(f => (f.GetAttribute("action") ?? "").Contains(formAction, StringComparison.Ordinal));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlInputElement>())
        {
            // As a browser: disabled fields are not sent.
            if (string.IsNullOrEmpty(element.Name) || values.ContainsKey(element.Name) || element.IsDisabled
                || (element.Type is "radio" or "checkbox" && !element.IsChecked) || element.Type == "submit")
            {
                continue;
            }
            fields.Add(new(element.Name, element.Value));
        }
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => !values.ContainsKey(s.Name ?? "") && !s.IsDisabled))
        {
            fields.Add(new(select.Name!, select.Value ?? ""));
        }
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name) && !values.ContainsKey(t.Name)))
        {
            fields.Add(new(area.Name!, area.Value));
        }
        foreach (var (name, value) in values)
        {
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await Http.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>GET the page, fill its form and post it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string?> values, string? formAction = null) =>
        await SubmitAsync(await GetPageAsync(url), url, values, formAction);

    public static string ErrorOf(IHtmlDocument page, string fieldName) =>
        page.QuerySelector($"[data-valmsg-for='{fieldName}']")?.TextContent.Trim() ?? "";
}
