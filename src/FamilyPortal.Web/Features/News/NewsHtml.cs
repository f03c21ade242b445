using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyPortal.Web.Features.News;

/// <summary>
/// The markup of an actualité's text, built element by element: every piece of staff text is appended as
/// text (encoded when written), the only tags are the paragraphs, line breaks and links made here.
/// </summary>
public static class NewsHtml
{
    public static IHtmlContent Paragraphs(IEnumerable<NewsParagraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var html = new HtmlContentBuilder();
        foreach (var paragraph in paragraphs)
        {
            var p = new TagBuilder("p");
            for (var i = 0; i < paragraph.Lines.Count; i++)
            {
                if (i > 0)
                {
                    p.InnerHtml.AppendHtml(new TagBuilder("br") { TagRenderMode = TagRenderMode.SelfClosing });
                }
                foreach (var segment in paragraph.Lines[i])
                {
                    if (segment.Link is { } link)
                    {
                        p.InnerHtml.AppendHtml(Anchor(segment.Text, link));
                    }
                    else
                    {
                        p.InnerHtml.Append(segment.Text);
                    }
                }
            }
            html.AppendHtml(p);
        }
        return html;
    }

    private static TagBuilder Anchor(string text, Uri link)
    {
        var a = new TagBuilder("a");
        a.MergeAttribute("href", link.AbsoluteUri);
        a.MergeAttribute("rel", "noopener noreferrer");
        a.InnerHtml.Append(text);
        return a;
    }
}
