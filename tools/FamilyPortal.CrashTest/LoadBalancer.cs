using System.Diagnostics;
using System.Globalization;

namespace FamilyPortal.CrashTest;

/// <summary>HAProxy in front of the portal servers (round robin, no stickiness), through scripts/load-balancer.sh.</summary>
internal sealed class LoadBalancer(CrashSettings settings) : IDisposable
{
    private string Folder => Path.Combine(settings.Folder, "haproxy");

    public async Task StartAsync()
    {
        var arguments = new List<string> { "start", Folder, settings.Port.ToString(CultureInfo.InvariantCulture) };
        arguments.AddRange(settings.NodePorts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var (exit, output) = await RunAsync(arguments);
        if (exit != 0)
        {
            throw new InvalidOperationException($"the load balancer did not start: {output}");
        }
    }

    public void Dispose() => RunAsync(["stop", Folder]).GetAwaiter().GetResult();

    private async Task<(int Exit, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(settings.LoadBalancerScript!);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
