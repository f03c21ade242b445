using System.Diagnostics;
using System.Text.Json;

namespace FamilyPortal.BrowserTests.Support;

/// <summary>
/// The Nu HTML Checker (vnu.jar, the W3C validator's engine) run on the installed Java. The jar comes from
/// the npm package « vnu-jar », installed by ./test.sh in the git-ignored folder .tools/ at the repository's
/// root (or at the path in VNU_JAR); when it is missing the checker installs it there the same way.
/// </summary>
public static class NuHtmlChecker
{
    public const string Version = "26.9.27";
    public const string JarVariable = "VNU_JAR";

    private static readonly SemaphoreSlim InstallOnce = new(1, 1);

    /// <summary>Every error of every document, as « name:line: message « extract » ».</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyDictionary<string, string> documents)
    {
        var jar = await JarAsync();
        var folder = Directory.CreateTempSubdirectory("familyportal-vnu-");
        try
        {
            foreach (var (name, html) in documents)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".html"), html);
            }
            var start = new ProcessStartInfo("java")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "-Xss2m", "-jar", jar, "--errors-only", "--format", "json", "--stdout", "--skip-non-html", folder.FullName })
            {
                start.ArgumentList.Add(argument);
            }
            using var java = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
            var output = java.StandardOutput.ReadToEndAsync();
            var error = java.StandardError.ReadToEndAsync();
            await java.WaitForExitAsync();
            var json = await output;
            if (json.Trim().Length == 0)
            {
                throw new InvalidOperationException($"vnu.jar gave no report (exit {java.ExitCode}): {await error}");
            }
            using var report = JsonDocument.Parse(json);
            return report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => $"{Path.GetFileNameWithoutExtension(m.TryGetProperty("url", out var url) ? url.GetString() : "?")}:"
                    + $"{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}"
                    + (m.TryGetProperty("extract", out var extract) ? $" « {extract.GetString()?.Trim()} »" : ""))
                .ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The jar: VNU_JAR, else .tools/vnu-VERSION at the repository's root, installed with npm when missing.</summary>
    public static async Task<string> JarAsync()
    {
        if (Environment.GetEnvironmentVariable(JarVariable) is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }
        var prefix = Path.Combine(RepositoryRoot(), ".tools", $"vnu-{Version}");
        var jar = Path.Combine(prefix, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        await InstallOnce.WaitAsync();
        try
        {
            if (!File.Exists(jar))
            {
                Directory.CreateDirectory(prefix);
                var start = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { "install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", $"vnu-jar@{Version}" })
                {
                    start.ArgumentList.Add(argument);
                }
                using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
                var errors = npm.StandardError.ReadToEndAsync();
                await npm.StandardOutput.ReadToEndAsync();
                await npm.WaitForExitAsync();
                if (!File.Exists(jar))
                {
                    throw new InvalidOperationException($"vnu-jar@{Version} could not be installed with npm (exit {npm.ExitCode}): {await errors}. Run ./test.sh, which installs it.");
                }
            }
        }
        finally
        {
            InstallOnce.Release();
        }
        return jar;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FamilyPortal.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("FamilyPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
