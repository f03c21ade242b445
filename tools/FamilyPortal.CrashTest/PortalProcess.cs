using System.Diagnostics;

namespace FamilyPortal.CrashTest;

/// <summary>
/// One portal server (number <paramref name="node"/>, from 0) as a process of its own, started, awaited until
/// /health answers, and killed with SIGKILL.
/// </summary>
internal sealed class PortalProcess(CrashSettings settings, int node) : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private Process? _process;

    public string Name { get; } = $"node{node + 1}";

    private string Address => settings.NodeAddress(node);

    /// <summary>Starts the portal and returns the time until /health answered 200.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(settings.PortalDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(settings.PortalDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Address;
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings.PortalSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        // Each server writes its own log files.
        start.Environment["App__LogDirectory"] = Path.Combine(settings.Folder, "logs", Name);
        var watch = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new InvalidOperationException("the portal did not start");
        // Drained so that a full pipe never blocks the portal.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.Error.WriteLine($"  [{Name}] {line}"); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the portal stopped at start-up (code {_process.ExitCode})");
            }
            try
            {
                using var response = await Probe.GetAsync(new Uri(Address + "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return watch.Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        return watch.Elapsed;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no transaction finished — a power cut as far as the portal knows.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
        }
        _process?.Dispose();
    }
}
