using System.Text.RegularExpressions;

namespace FamilyPortal.Web.Features.News.Rules;

/// <summary>A piece of a line: text, or text that links to an http(s) address.</summary>
public sealed record NewsSegment(string Text, Uri? Link = null);

/// <summary>A paragraph of an actualité: its lines, each made of segments.</summary>
public sealed record NewsParagraph(IReadOnlyList<IReadOnlyList<NewsSegment>> Lines);

/// <summary>
/// The plain text staff type, read as paragraphs (separated by blank lines), lines and links. Staff never
/// write HTML: the page encodes every segment and builds the only markup itself (paragraphs, line breaks
/// and links to http or https addresses).
/// </summary>
public static partial class NewsText
{
    private const string TrailingPunctuation = ".,;:!?'";

    [GeneratedRegex(@"https?://[^\s<>""«»]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Address();

    [GeneratedRegex(@"\n[ \t\u00A0]*\n\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlankLines();

    public static IReadOnlyList<NewsParagraph> Parse(string? body)
    {
        var text = (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Length == 0)
        {
            return [];
        }
        return BlankLines().Split(text)
            .Select(p => p.Trim('\n'))
            .Where(p => p.Trim().Length > 0)
            .Select(p => new NewsParagraph(p.Split('\n').Select(line => Segments(line.TrimEnd())).ToList()))
            .ToList();
    }

    /// <summary>The line cut into text and links; an address that is not a valid http(s) URL stays text.</summary>
    public static IReadOnlyList<NewsSegment> Segments(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var segments = new List<NewsSegment>();
        var position = 0;
        foreach (Match match in Address().Matches(line))
        {
            var candidate = TrimTrailing(match.Value);
            if (!TryLink(candidate, out var link))
            {
                continue;
            }
            if (match.Index > position)
            {
                segments.Add(new NewsSegment(line[position..match.Index]));
            }
            segments.Add(new NewsSegment(candidate, link));
            position = match.Index + candidate.Length;
        }
        if (position < line.Length || segments.Count == 0)
        {
            segments.Add(new NewsSegment(line[position..]));
        }
        return segments;
    }

    /// <summary>The period ending a sentence, or the bracket around an address, is not part of it.</summary>
    private static string TrimTrailing(string candidate)
    {
        while (candidate.Length > 0)
        {
            var last = candidate[^1];
            var unbalancedBracket = last == ')' && candidate.Count(c => c == '(') < candidate.Count(c => c == ')');
            if (!TrailingPunctuation.Contains(last, StringComparison.Ordinal) && !unbalancedBracket)
            {
                break;
            }
            candidate = candidate[..^1];
        }
        return candidate;
    }

    private static bool TryLink(string candidate, out Uri? link)
    {
        link = Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0
                ? uri
                : null;
        return link is not null;
    }
}
