using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FamilyPortal.CrashTest;

/// <summary>What a parent saw of one « Valider »: the days put in the basket and the answer.</summary>
internal sealed record ValidationAttempt(CrashParent Parent, IReadOnlyList<DateOnly> Days, long? ValidationId, bool Answered);

/// <summary>
/// One parent booking as fast as the portal answers, as a browser without JavaScript does: the week grid, a
/// few free days clicked into the basket, « Valider ». Errors while the portal is down are expected: the
/// parent waits and goes on.
/// </summary>
internal sealed class ParentLoad(CrashParent parent, CrashSettings settings, Random random, ConcurrentQueue<ValidationAttempt> attempts)
{
    /// <summary>What went wrong for the parents, by kind, for the summary (connection refused while the portal restarts, …).</summary>
    public static ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    private static readonly HtmlParser Parser = new();

    private HttpClient _http = NewClient(settings);

    public async Task RunAsync(CancellationToken stop)
    {
        var signedIn = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!signedIn)
                {
                    _http.Dispose();
                    _http = NewClient(settings);
                    await SignInAsync(stop);
                    signedIn = true;
                }
                if (!await BookSomeDaysAsync(stop))
                {
                    signedIn = false;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or InvalidOperationException)
            {
                Errors.AddOrUpdate($"{ex.GetType().Name}: {ex.Message}", 1, (_, n) => n + 1);
                // The portal is down or restarting: wait a little and try again.
                await Delay(300, stop);
            }
        }
        _http.Dispose();
    }

    /// <summary>False when the session is gone (the sign-in page came back).</summary>
    private async Task<bool> BookSomeDaysAsync(CancellationToken stop)
    {
        if (settings.ThinkMilliseconds > 0)
        {
            await Delay(random.Next(settings.ThinkMilliseconds / 2, settings.ThinkMilliseconds * 3 / 2), stop);
        }
        var monday = Monday(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)).AddDays(7 * random.Next(1, 4));
        var url = $"/reservations?enfant={parent.ChildId}&semaine={monday:yyyy-MM-dd}";
        var grid = await GetPageAsync(url, stop);
        if (grid is null)
        {
            return false;
        }
        var cells = grid.QuerySelectorAll("#grille button[name=cellule]")
            .Select(b => (Value: b.GetAttribute("value")!, Label: b.GetAttribute("aria-label") ?? ""))
            .ToList();
        var free = cells.Where(c => c.Label.EndsWith(": réservable", StringComparison.Ordinal))
            .Select(c => c.Value).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        // Now and then a booked day is cancelled, so that places free up and the load never runs dry.
        var cancel = cells.Where(c => c.Label.EndsWith(": réservé", StringComparison.Ordinal) && random.Next(3) == 0)
            .Select(c => c.Value).Take(1).ToList();
        if (free.Count == 0 && cancel.Count == 0)
        {
            await Delay(100, stop);
            return true;
        }
        var days = new List<DateOnly>();
        foreach (var cell in cancel)
        {
            var form = grid.Forms.First(f => (f.GetAttribute("action") ?? "").Contains("handler=Cell", StringComparison.Ordinal));
            using var _ = await PostAsync(form.GetAttribute("action")!, FieldsOf(form, ("cellule", cell)), stop);
        }
        foreach (var cell in free)
        {
            var form = grid.Forms.First(f => (f.GetAttribute("action") ?? "").Contains("handler=Cell", StringComparison.Ordinal));
            using var added = await PostAsync(form.GetAttribute("action")!, FieldsOf(form, ("cellule", cell)), stop);
            if (added.StatusCode == HttpStatusCode.Redirect)
            {
                days.Add(DateOnly.ParseExact(cell.Split(':')[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        var basket = await GetPageAsync("/panier", stop);
        var validate = basket?.Forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=Validate", StringComparison.Ordinal));
        if (basket is null || validate is null)
        {
            return basket is not null;
        }
        long? id = null;
        var answered = false;
        try
        {
            using var response = await PostAsync(validate.GetAttribute("action")!, FieldsOf(validate), stop);
            answered = true;
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/panier/recapitulatif/", StringComparison.Ordinal))
            {
                id = long.Parse(location["/panier/recapitulatif/".Length..], CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            attempts.Enqueue(new ValidationAttempt(parent, days, id, answered));
        }
        return true;
    }

    private async Task SignInAsync(CancellationToken stop)
    {
        var page = await GetPageAsync("/connexion", stop) ?? throw new InvalidOperationException("no sign-in page");
        var form = page.Forms.First(f => f.QuerySelector("input[name=Identifiant]") is not null);
        using var response = await PostAsync("/connexion", FieldsOf(form, ("Identifiant", parent.Login), ("Password", parent.Password)), stop);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
        }
    }

    /// <summary>The page, or null when it sent the parent to the sign-in page.</summary>
    private async Task<IHtmlDocument?> GetPageAsync(string url, CancellationToken stop)
    {
        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative), stop);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/connexion", StringComparison.Ordinal) == true)
        {
            return null;
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        }
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(stop), stop);
    }

    private async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken stop)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _http.PostAsync(new Uri(url, UriKind.Relative), content, stop);
    }

    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form, params (string Name, string Value)[] values)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type is "hidden" or "text" or "password" && !string.IsNullOrEmpty(i.Name) && values.All(v => v.Name != i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return fields;
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static async Task Delay(int milliseconds, CancellationToken stop)
    {
        try
        {
            await Task.Delay(milliseconds, stop);
        }
        catch (TaskCanceledException)
        {
            // Stopping.
        }
    }

    private static HttpClient NewClient(CrashSettings settings) => new(new RequestTally(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
    }))
    {
        BaseAddress = new Uri(settings.BaseAddress),
        Timeout = TimeSpan.FromSeconds(30),
    };
}
