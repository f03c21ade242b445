using System.Diagnostics;
using System.Net;

namespace FamilyPortal.Benchmarks;

/// <summary>A page to time: the client signed in to one portal, the address, and a text the right page contains.</summary>
internal sealed record TimedPage(HttpClient Http, string Url, string Expected);

/// <summary>
/// Times GET requests of pages, from the request sent to the last byte of HTML read. The in-process test
/// server has no network, so this is the server's time plus a few microseconds of in-memory transport.
/// The pages are asked in turn, so that a pause of the machine or of the JIT weighs on each alike.
/// </summary>
internal static class PageTimer
{
    public static async Task<IReadOnlyList<Samples>> TimeAsync(IReadOnlyList<TimedPage> pages, int warmup, int requests, CancellationToken ct)
    {
        var samples = pages.Select(_ => new double[requests]).ToList();
        for (var i = -warmup; i < requests; i++)
        {
            for (var p = 0; p < pages.Count; p++)
            {
                var elapsed = await GetAsync(pages[p], ct);
                if (i >= 0)
                {
                    samples[p][i] = elapsed;
                }
            }
        }
        return samples.Select(s => new Samples(s)).ToList();
    }

    private static async Task<double> GetAsync(TimedPage page, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await page.Http.GetAsync(new Uri(page.Url, UriKind.Relative), ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // A fast error page would be a false figure: the page must be the grid that was asked for.
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains(page.Expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {page.Url} answered {(int)response.StatusCode} without « {page.Expected} ».");
        }
        return elapsed;
    }
}
