using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FamilyPortal.Tests.Hardening;

/// <summary>One named field of a form, with what a browser would send for it untouched.</summary>
/// <param name="Kind">The input type (text, hidden, date, …), « select », « textarea », « submit » or « query »
/// (a parameter of the form's action address).</param>
public sealed record FormField(string Name, string Kind, string Value);

/// <summary>
/// A POST form found on a page, as one of its submit buttons sends it. Fields are filled as a browser
/// would, with plausible values in the empty ones, so that a hostile value in one field is the only thing wrong.
/// </summary>
/// <param name="Multipart">Sent as multipart/form-data (a form with a file to upload), else urlencoded.</param>
public sealed partial record DiscoveredForm(string PageUrl, string ActionPath, IReadOnlyList<FormField> Fields, bool Multipart = false)
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>
    /// What makes two forms the same one: where they post, ids aside (the grid's many cells are one form; a
    /// family's page and another's post the same forms).
    /// </summary>
    public string Key => DigitRuns().Replace(ActionPath, "#");

    /// <summary>Whether the field is an id in the action's path rather than a form field.</summary>
    public static bool IsPathField(string field) => field.StartsWith(PathPrefix, StringComparison.Ordinal);

    /// <summary>Every field an attacker can change: form fields, the action's query parameters and ids in its path.</summary>
    public IEnumerable<string> FuzzableFields =>
        Fields.Where(f => f.Name != TokenField).Select(f => f.Name)
            .Concat(PathIds().Select(i => PathPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private const string PathPrefix = "{chemin}";

    /// <summary>The action address and the body with one field replaced by the given value.</summary>
    public (string Url, HttpContent Body) With(string field, HostileValue value)
    {
        var segments = ActionPath.Split('?', 2);
        var path = segments[0];
        if (field.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            var index = int.Parse(field[PathPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            var parts = path.Split('/');
            parts[index] = value.RawBody is null ? Uri.EscapeDataString(value.Text!) : Encoding.ASCII.GetString(value.RawBody.Select(b => b < 128 ? b : (byte)'~').ToArray());
            path = string.Join('/', parts);
        }
        var query = Fields.Where(f => f.Kind == "query").Select(f => new KeyValuePair<string, byte[]>(f.Name,
            f.Name == field ? value.Encoded() : Encoding.ASCII.GetBytes(FormEncoding.Escape(f.Value))));
        var handler = segments.Length > 1 ? HandlerOf(segments[1]) : null;
        var queryText = Encoding.ASCII.GetString(FormEncoding.Body(handler is null ? query : query.Prepend(new("handler", Encoding.ASCII.GetBytes(handler)))));
        var url = queryText.Length == 0 ? path : $"{path}?{queryText}";
        var fields = Fields.Where(f => f.Kind != "query").ToList();
        if (Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var f in fields)
            {
                var bytes = f.Name == field ? value.Bytes() : Encoding.UTF8.GetBytes(f.Value);
                if (f.Kind == "file")
                {
                    multipart.Add(new ByteArrayContent(bytes), f.Name, "saisie.csv");
                }
                else
                {
                    multipart.Add(new ByteArrayContent(bytes), f.Name);
                }
            }
            return (url, multipart);
        }
        var body = new ByteArrayContent(FormEncoding.Body(fields.Select(f => new KeyValuePair<string, byte[]>(f.Name,
            f.Name == field ? value.Encoded() : Encoding.ASCII.GetBytes(FormEncoding.Escape(f.Value))))));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return (url, body);
    }

    private IEnumerable<int> PathIds()
    {
        var parts = ActionPath.Split('?')[0].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0 && parts[i].All(char.IsAsciiDigit))
            {
                yield return i;
            }
        }
    }

    private static string? HandlerOf(string query) =>
        query.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == "handler" && p.Length == 2).Select(p => p[1]).FirstOrDefault();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitRuns();

    /// <summary>Every POST form of the page, once per distinct submit button.</summary>
    public static IEnumerable<DiscoveredForm> From(IHtmlDocument page, string pageUrl)
    {
        var pageUri = new Uri(new Uri("https://localhost"), pageUrl);
        foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            var submitters = form.Elements
                .Where(e => e is IHtmlButtonElement { Type: "submit" } or IHtmlInputElement { Type: "submit" })
                .ToList();
            var distinct = submitters.Count == 0
                ? [null]
                : submitters.DistinctBy(s => (s.GetAttribute("name"), s.GetAttribute("formaction"))).Cast<IElement?>().ToList();
            foreach (var submitter in distinct)
            {
                var action = submitter?.GetAttribute("formaction") ?? form.GetAttribute("action");
                var target = string.IsNullOrEmpty(action) ? pageUri : new Uri(pageUri, action);
                if (target.Host != "localhost")
                {
                    continue;
                }
                var fields = FieldsOf(form, submitter).ToList();
                var queryFields = QueryFields(target.Query).Where(q => q.Name != "handler").ToList();
                var handler = QueryFields(target.Query).FirstOrDefault(q => q.Name == "handler");
                var actionPath = target.AbsolutePath + (handler is null ? "" : $"?handler={handler.Value}");
                var multipart = string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase);
                yield return new DiscoveredForm(pageUrl, actionPath, [.. fields, .. queryFields], multipart);
            }
        }
    }

    private static IEnumerable<FormField> QueryFields(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new FormField(Uri.UnescapeDataString(p[0]), "query", p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""));

    private static IEnumerable<FormField> FieldsOf(IHtmlFormElement form, IElement? submitter)
    {
        var radios = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" }:
                case IHtmlButtonElement:
                    if (element == submitter)
                    {
                        yield return new FormField(name, "submit", element.GetAttribute("value") ?? "");
                    }
                    break;
                case IHtmlInputElement { Type: "radio" } radio:
                    if (radios.Add(name))
                    {
                        var group = form.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == name).ToList();
                        yield return new FormField(name, "radio", (group.FirstOrDefault(r => r.IsChecked) ?? group[0]).Value);
                    }
                    break;
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked)
                    {
                        yield return new FormField(name, "checkbox", box.Value);
                    }
                    break;
                case IHtmlInputElement input:
                    yield return new FormField(name, input.Type, string.IsNullOrEmpty(input.Value) ? Plausible(input.Type, name) : input.Value);
                    break;
                case IHtmlSelectElement select:
                    yield return new FormField(name, "select", select.Value ?? (select.Options.Length > 0 ? select.Options[0]!.Value : ""));
                    break;
                case IHtmlTextAreaElement area:
                    yield return new FormField(name, "textarea", string.IsNullOrEmpty(area.Value) ? Plausible("text", name) : area.Value);
                    break;
            }
        }
    }

    /// <summary>What a careful person would type into an empty field, judged from its type and name.</summary>
    private static string Plausible(string type, string name)
    {
        var lower = name.ToLowerInvariant();
        var unique = Guid.NewGuid().ToString("N")[..8];
        return type switch
        {
            "hidden" => "",
            "file" => "Nom;Prénom;Email\r\nMARTIN;Lou;famille.martin@exemple.test\r\n",
            "email" => $"saisie-{unique}@exemple.test",
            "password" => "Une phrase de passe inconnue 2026 !",
            "date" => "2026-11-23",
            "number" => "3",
            "tel" => "06 12 34 56 78",
            _ when lower.Contains("email", StringComparison.Ordinal) => $"saisie-{unique}@exemple.test",
            _ when lower.Contains("identifiant", StringComparison.Ordinal) || lower.Contains("login", StringComparison.Ordinal) => $"saisie.{unique}",
            _ when lower.Contains("phone", StringComparison.Ordinal) || lower.Contains("tel", StringComparison.Ordinal) => "06 12 34 56 78",
            _ when lower.Contains("date", StringComparison.Ordinal) || lower.EndsWith("start", StringComparison.Ordinal) || lower.EndsWith("end", StringComparison.Ordinal) => "23/11/2026",
            _ when lower.Contains("code", StringComparison.Ordinal) => "ABCDEFGHJK",
            _ => $"Saisie {unique[..4].ToUpperInvariant()}",
        };
    }
}
