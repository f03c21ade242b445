using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// Runs in front of every test portal and hands to <see cref="TestSecrets"/> the secrets that pass through
/// it, whichever test sent them: cookie values both ways, the « jeton » of the emailed links, and the values
/// of the form fields that hold passwords, secret answers and codes. It only reads: a form it cannot read is
/// left for the application to refuse.
/// </summary>
public sealed class SecretRecorder : IStartupFilter
{
    /// <summary>A typed value shorter than this is a hostile or empty input, not a secret worth finding.</summary>
    private const int TypedMinimumLength = 8;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            foreach (var (_, value) in context.Request.Cookies)
            {
                TestSecrets.Add(value, "cookie value");
            }
            Add(context.Request.Query["jeton"], "link token");
            if (context.Request.HasFormContentType)
            {
                await RecordFormAsync(context.Request);
            }
            context.Response.OnStarting(() =>
            {
                foreach (var header in context.Response.Headers.SetCookie)
                {
                    var pair = header?.Split(';', 2)[0].Split('=', 2);
                    if (pair is { Length: 2 })
                    {
                        TestSecrets.Add(Uri.UnescapeDataString(pair[1]), "cookie value");
                    }
                }
                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(app);
    };

    private static async Task RecordFormAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or System.Text.DecoderFallbackException)
        {
            return;
        }
        var plain = form.Where(f => !IsSecretField(f.Key)).SelectMany(f => f.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (name == "jeton")
            {
                Add(values, "link token");
            }
            else if (IsSecretField(name))
            {
                // A value also typed in an ordinary field of the same form is test data sprayed everywhere.
                foreach (var value in values.Where(v => v is { Length: >= TypedMinimumLength } && !plain.Contains(v)))
                {
                    TestSecrets.Add(value, $"value of the field {name}");
                }
            }
        }
    }

    private static void Add(StringValues values, string what)
    {
        foreach (var value in values)
        {
            TestSecrets.Add(value, what);
        }
    }

    /// <summary>Passwords (any field named …Password…), secret answers, codes d'adhésion and captcha answers.</summary>
    public static bool IsSecretField(string name) =>
        name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("secretanswer", StringComparison.OrdinalIgnoreCase)
        || (name.Contains("captcha", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("Id", StringComparison.Ordinal))
        || name.Split('.')[^1] is "Answer" or "Code";
}
