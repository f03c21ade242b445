using System.Net;
using FamilyPortal.Tests.Features.Accounts;

namespace FamilyPortal.Tests.Security;

/// <summary>
/// Proof 7 of the hardening issue: once every other test has run, no log file written by any portal of the
/// run holds a password, secret answer, adhesion code, link token, captcha answer, authenticator key or
/// cookie value that a test used. Every test portal logs under <see cref="TestRun.LogRoot"/> and reports the
/// secrets that pass through it (<see cref="SecretRecorder"/>); the builders and journeys report theirs.
/// </summary>
[Collection(RunsLast.Name)]
public sealed class LogSecretsTests
{
    private const string AnswerOfThisTest = "Réponse secrète de la vérification des journaux";

    [Fact]
    public async Task After_the_whole_suite_no_log_holds_a_secret_the_tests_used()
    {
        // A journey of its own first, so that the check has secrets and logs to read even when run alone.
        await RunJourneyAsync();

        Assert.True(PortalFactory.Running == 0,
            $"{PortalFactory.Running} portals are still running: a test did not dispose its factory, or this test did not run last.");
        var secrets = TestSecrets.All;
        var files = Directory.EnumerateFiles(TestRun.LogRoot, "*", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count > 0, "No log file under " + TestRun.LogRoot);
        Assert.Contains(AnswerOfThisTest, secrets.Keys);
        Assert.Contains(secrets.Values, w => w == "cookie value");
        Assert.Contains(secrets.Values, w => w == "link token");

        var findings = new List<string>();
        var lines = 0;
        foreach (var file in files)
        {
            var text = await ReadSharedAsync(file);
            lines += text.Count(c => c == '\n');
            findings.AddRange(SecretScan.Find(text, secrets).Select(f =>
                $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}: a {f.What} in « {f.Line} »"));
        }

        Assert.True(lines > 20, $"Only {lines} log lines were written: the logs were not captured.");
        Assert.True(findings.Count == 0, $"{findings.Count} secrets found in the logs ({secrets.Count} secrets, {files.Count} files):\n"
            + string.Join('\n', findings.Distinct().Take(50)));
    }

    /// <summary>Registration, a wrong password, a sign-in, the recovery link with a wrong answer, a wrong and a right adhesion code.</summary>
    private static async Task RunJourneyAsync()
    {
        await using var factory = new AccountsFactory();
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var identifiant = AccountJourney.NewIdentifiant();
        var email = AccountJourney.NewEmail();
        var form = AccountJourney.Registration(identifiant, email);
        form["Input.SecretAnswer"] = AnswerOfThisTest;
        Assert.Equal(HttpStatusCode.Redirect, (await AccountJourney.RegisterAsync(PageClient.For(factory), form)).StatusCode);
        await AccountJourney.SignInAsync(PageClient.For(factory), identifiant, "Un mot de passe faux pour les journaux");
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountJourney.SignInAsync(client, identifiant, AccountJourney.Password)).StatusCode);
        await client.PostFormAsync("/adhesions", new Dictionary<string, string?> { ["Code"] = "ZZZZZZZZZZ" }, formAction: "/adhesions");
        await client.PostFormAsync("/adhesions", new Dictionary<string, string?> { ["Code"] = tenant.AdhesionCode }, formAction: "/adhesions");
        await PageClient.For(factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = identifiant });
        var link = AccountJourney.LinkTo((await AccountJourney.MailToAsync(factory, email)).Last(m => m.Subject.StartsWith("Réinit", StringComparison.Ordinal)), "/reinitialiser-mot-de-passe");
        await PageClient.For(factory).PostFormAsync(link, new Dictionary<string, string?>
        {
            ["SecretAnswer"] = "Une réponse fausse pour les journaux",
            ["NewPassword"] = "Nouvelle phrase de passe des journaux",
            ["ConfirmPassword"] = "Nouvelle phrase de passe des journaux",
        });
        var logs = await LogText.ReadAsync(factory);
        Assert.Contains("Connexion du compte", logs, StringComparison.Ordinal);
    }

    private static async Task<string> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}

/// <summary>Finds known secrets in a text in one pass: each position is looked up by its first characters.</summary>
public static class SecretScan
{
    public sealed record Finding(string Secret, string What, string Line);

    public static IEnumerable<Finding> Find(string text, IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        const int Prefix = TestSecrets.MinimumLength;
        var byPrefix = secrets.Keys.Where(s => s.Length >= Prefix).GroupBy(s => s[..Prefix], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lookup = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i + Prefix <= text.Length; i++)
        {
            if (!lookup.TryGetValue(text.AsSpan(i, Prefix), out var candidates))
            {
                continue;
            }
            foreach (var secret in candidates)
            {
                if (text.AsSpan(i).StartsWith(secret, StringComparison.Ordinal) && StandsAlone(text, i, secret.Length))
                {
                    yield return new Finding(secret, secrets[secret], LineAround(text, i));
                }
            }
        }
    }

    /// <summary>Not a piece of a longer word or token: « Anne » is not found in « Annecy ».</summary>
    private static bool StandsAlone(string text, int start, int length)
    {
        var end = start + length;
        return (start == 0 || !char.IsLetterOrDigit(text[start - 1]) || !char.IsLetterOrDigit(text[start]))
            && (end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[end - 1]));
    }

    private static string LineAround(string text, int index)
    {
        var start = text.LastIndexOf('\n', index) + 1;
        var end = text.IndexOf('\n', index);
        var line = text[start..(end < 0 ? text.Length : end)].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
