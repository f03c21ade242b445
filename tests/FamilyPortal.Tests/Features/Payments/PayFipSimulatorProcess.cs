using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FamilyPortal.Tests.Features.Payments;

/// <summary>The PayFiP simulator (tools/FamilyPortal.PayFipSimulator) as a process of its own on a free loopback port.</summary>
public sealed class PayFipSimulatorProcess : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly Process _process;
    private bool _disposed;

    public PayFipSimulatorProcess()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FamilyPortal.PayFipSimulator.dll"));
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.AbsoluteUri;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException("the PayFiP simulator did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (!IsUp())
        {
            if (_process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                Dispose();
                throw new InvalidOperationException("the PayFiP simulator did not answer");
            }
            Thread.Sleep(100);
        }
    }

    public Uri BaseAddress { get; }

    public string ServiceUrl => new Uri(BaseAddress, "/tpa/services/securite").AbsoluteUri;

    public string PaymentPageUrl => new Uri(BaseAddress, "/tpa/paiementws.web").AbsoluteUri;

    /// <summary>Records a result as if the payer had chosen it, optionally reporting another amount, without notifying.</summary>
    public async Task ChooseAsync(string operationId, string result, long? reportedCents = null)
    {
        var query = $"resultat={result}&notifier=false" + (reportedCents is { } cents ? $"&montant={cents}" : "");
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.PostAsync(new Uri($"/simulateur/operations/{operationId}/resultat?{query}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <remarks>A web application factory is disposed both synchronously and asynchronously: the second call must do nothing.</remarks>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    private bool IsUp()
    {
        try
        {
            using var response = Probe.GetAsync(new Uri(BaseAddress, "/health")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
