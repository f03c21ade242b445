using System.Net;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// Posts hostile values into every field of every form a visitor can see, one field at a time, and judges each
/// answer: never a 5xx; a refusal is a 4xx or the form again with a French message, and writes nothing; an
/// accepted value leads somewhere on the portal and is shown escaped.
/// </summary>
public sealed class FormFuzzer(DatabaseWatch fingerprint, IReadOnlyList<HostileValue> values)
{
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    public int Submissions { get; private set; }

    public int FormsTried { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>How many answers of each kind (« refusé 400 », « accepté 302 », …).</summary>
    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    public async Task FuzzAsync(Visitor visitor, DiscoveredForm discovered)
    {
        var fields = discovered.FuzzableFields.Distinct(StringComparer.Ordinal).ToList();
        if (fields.Count == 0)
        {
            return;
        }
        FormsTried++;
        var form = discovered;
        foreach (var field in fields)
        {
            foreach (var value in values)
            {
                if (fingerprint.Changed())
                {
                    fingerprint.Refresh();
                }
                var (url, content) = form.With(field, value);
                HttpResponseMessage response;
                try
                {
                    response = await visitor.Client.Http.PostAsync(url, content);
                }
                catch (InvalidOperationException) when (DiscoveredForm.IsPathField(field))
                {
                    // A path the HTTP layer itself refuses (a NUL character): Kestrel answers 400 before the portal.
                    Submissions++;
                    Count("refusé par HTTP");
                    continue;
                }
                Submissions++;
                var where = $"{visitor.Name} : POST {form.ActionPath} [{field}]\u001f{value.Label}";
                var accepted = await JudgeAsync(visitor, response, where);
                if (accepted is null)
                {
                    // The session ended: sign in again and take a fresh copy of the form (its token is the old session's).
                    await visitor.SignInAsync();
                    form = await FreshCopyAsync(visitor, form) ?? form;
                }
                else if (accepted.Value)
                {
                    form = await FreshCopyAsync(visitor, form) ?? form;
                }
            }
        }
    }

    /// <summary>True when the value was accepted, false when refused, null when the visitor's session ended.</summary>
    private async Task<bool?> JudgeAsync(Visitor visitor, HttpResponseMessage response, string where)
    {
        var status = (int)response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            Count($"erreur {status}");
            Fail(where, $"réponse {status}");
            return false;
        }
        foreach (var problem in MarkupChecks.LiveMarkup(html))
        {
            Fail(where, $"page de réponse : {problem}");
        }
        if (status is >= 300 and < 400)
        {
            Count($"accepté {status}");
            var location = response.Headers.Location?.OriginalString ?? "";
            if (!IsLocal(location))
            {
                Fail(where, $"redirection hors du portail : {location}");
                return true;
            }
            if (!visitor.IsAnonymous && location.StartsWith("/connexion", StringComparison.Ordinal))
            {
                return null;
            }
            var next = await visitor.Client.Http.GetAsync(location);
            if ((int)next.StatusCode >= 500)
            {
                Fail(where, $"la page où mène la redirection ({location}) répond {(int)next.StatusCode}");
            }
            foreach (var problem in MarkupChecks.LiveMarkup(await next.Content.ReadAsStringAsync()))
            {
                Fail(where, $"page après redirection : {problem}");
            }
            return true;
        }
        var messages = RefusalText.MessagesOf(await PageClient.ParseAsync(ResponseWith(html)));
        if (status == 200 && messages.Count == 0)
        {
            Count("accepté 200");
            return true;
        }
        Count($"refusé {status}");
        if (status is not 200 and (< 400 or >= 500))
        {
            Fail(where, $"réponse {status} inattendue");
        }
        if (RefusalText.Problem(messages) is { } problemText)
        {
            Fail(where, $"refus {status} : {problemText}");
        }
        if (fingerprint.Changed() && fingerprint.Refresh() is { Count: > 0 } tables)
        {
            Fail(where, $"refusé ({status}) mais la base a changé : {string.Join(", ", tables)}");
        }
        return false;
    }

    private static HttpResponseMessage ResponseWith(string html) => new(HttpStatusCode.OK) { Content = new StringContent(html) };

    private static bool IsLocal(string location) =>
        location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal);

    private static async Task<DiscoveredForm?> FreshCopyAsync(Visitor visitor, DiscoveredForm form)
    {
        var response = await visitor.Client.Http.GetAsync(form.PageUrl);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }
        var page = await PageClient.ParseAsync(response);
        return DiscoveredForm.From(page, form.PageUrl).FirstOrDefault(f => f.Key == form.Key);
    }

    private void Count(string outcome) => _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;

    private void Fail(string where, string problem) => _failures.Add($"{where} → {problem}");
}
