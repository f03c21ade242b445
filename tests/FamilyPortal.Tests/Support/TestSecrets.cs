using System.Collections.Concurrent;
using FamilyPortal.Web.Data.Demo;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// Every secret the tests use — passwords, secret answers, adhesion codes, reset and confirmation tokens,
/// captcha answers, authenticator keys, cookie values — so that <c>LogSecretsTests</c> can prove that none
/// of them reached a log file. Fed by the builders and journeys of <c>Support/</c>, by the
/// <see cref="SecretRecorder"/> that every test portal runs, and by the demo data's known secrets.
/// </summary>
public static class TestSecrets
{
    /// <summary>Shorter values are not told apart from ordinary words of a log line.</summary>
    public const int MinimumLength = 4;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    static TestSecrets()
    {
        Add(DemoData.AdministratorPassword, "demo administrator password");
        Add(DemoData.OperatorPassword, "demo operator password");
        Add(DemoData.FamilyCode, "demo adhesion code");
        Add(StaffJourney.Password, "staff password");
        Add(Features.Accounts.AccountJourney.Password, "parent password");
    }

    /// <param name="what">What kind of secret, for the failure message.</param>
    public static void Add(string? value, string what)
    {
        var secret = value?.Trim();
        // The hostile values typed into password fields by the hardening tests are public test vectors, not secrets.
        if (secret is { Length: >= MinimumLength } && !Hardening.HostileValues.IsPublic(value!))
        {
            Known.TryAdd(secret, what);
        }
    }

    /// <summary>Each secret and what it is.</summary>
    public static IReadOnlyDictionary<string, string> All => Known;
}
