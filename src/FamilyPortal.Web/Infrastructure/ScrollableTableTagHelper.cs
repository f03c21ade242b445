using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// A wide table in a <c>div.table-scroll</c> scrolls sideways on a phone; a keyboard user must be able to
/// reach it to scroll it (WCAG 2.1.1). Every such wrapper becomes a focusable region named after its table's
/// caption, unless the page already gave it a tab stop of its own (the week grid does).
/// </summary>
[HtmlTargetElement("div", Attributes = "[class^=table-scroll]")]
public sealed partial class ScrollableTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.ContainsName("tabindex"))
        {
            return;
        }
        output.Attributes.SetAttribute("tabindex", "0");
        if (!output.Attributes.ContainsName("role"))
        {
            output.Attributes.SetAttribute("role", "region");
        }
        if (!output.Attributes.ContainsName("aria-label") && !output.Attributes.ContainsName("aria-labelledby"))
        {
            var content = (await output.GetChildContentAsync()).GetContent();
            var caption = Caption().Match(content);
            var name = caption.Success ? WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, " ")) : "Tableau";
            output.Attributes.SetAttribute("aria-label", Spaces().Replace(name, " ").Trim());
        }
    }

    [GeneratedRegex(@"<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
