using System.Text;
using AngleSharp.Html.Parser;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// What a value typed by a parent or an agent must never become once shown: markup or script in HTML, a
/// formula in a CSV export, an action in a PDF.
/// </summary>
public static class MarkupChecks
{
    /// <summary>Fragments of the hostile values that only appear in a page when they were not escaped.</summary>
    private static readonly string[] RawFragments =
        ["<script>alert(", "<img src=x onerror", "<svg onload", "</textarea><script>"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction"];

    /// <summary>Every way the page runs or shows markup it should have shown as text.</summary>
    public static IEnumerable<string> LiveMarkup(string html)
    {
        foreach (var fragment in RawFragments.Where(f => html.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"texte non échappé « {fragment} »";
        }
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.Scripts.Where(s => !s.HasAttribute("src")))
        {
            yield return $"script en ligne « {Shorten(script.TextContent)} »";
        }
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"attribut d'événement {attribute.Name} sur <{element.LocalName}>";
                }
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase)
                    && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"adresse javascript: dans {attribute.Name} de <{element.LocalName}>";
                }
            }
        }
    }

    /// <summary>Whether the page shows the value as text (so the check above proved something).</summary>
    public static bool ShowsAsText(string html, string value) =>
        new HtmlParser().ParseDocument(html).Body?.TextContent.Contains(value, StringComparison.Ordinal) == true
        || new HtmlParser().ParseDocument(html).All.Any(e => e.Attributes.Any(a => a.Value.Contains(value, StringComparison.Ordinal)));

    /// <summary>The cells of a CSV export that a spreadsheet would run as a formula.</summary>
    public static IEnumerable<string> FormulaCells(byte[] csv)
    {
        var text = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        foreach (var cell in Cells(text))
        {
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                yield return cell;
            }
        }
    }

    /// <summary>The cells of a « ; » separated CSV, quotes removed.</summary>
    public static IEnumerable<string> Cells(string text)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c is ';' or '\n')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // End of a row: the « \n » that follows closes the cell.
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0)
        {
            yield return cell.ToString();
        }
    }

    /// <summary>
    /// What a PDF must not carry: scripts, launch actions or javascript: links. The text of a PDF cannot be
    /// markup, so a value drawn in it is shown as typed; what must be checked is that it adds no action.
    /// </summary>
    public static IEnumerable<string> PdfActions(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        foreach (var marker in new[] { "/JavaScript", "/JS ", "/JS(", "/Launch", "javascript:" })
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"PDF contenant « {marker.Trim()} »";
            }
        }
    }

    /// <summary>Problems of any answer of the portal, by its content type.</summary>
    public static IEnumerable<string> ProblemsOf(FetchedPage page)
    {
        if (page.IsHtml)
        {
            return LiveMarkup(page.Text);
        }
        if (page.ContentType.StartsWith("text/csv", StringComparison.Ordinal))
        {
            return FormulaCells(page.Bytes).Select(c => $"cellule CSV exécutable « {Shorten(c)} »");
        }
        if (page.ContentType.StartsWith("application/pdf", StringComparison.Ordinal))
        {
            return PdfActions(page.Bytes);
        }
        return [];
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
