using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace FamilyPortal.Tests.Email;

/// <summary>A real SMTP server on a loopback port that keeps every message it accepts.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private SmtpTestServer(int port, X509Certificate2? certificate, bool tlsOnConnect)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.tests.local")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(tlsOnConnect);
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new RecordingStore(Received, SecureSessions));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>For each message received, whether its session was encrypted.</summary>
    public ConcurrentQueue<bool> SecureSessions { get; } = new();

    /// <summary>Plain SMTP; without a certificate the server does not offer STARTTLS.</summary>
    public static Task<SmtpTestServer> StartAsync(int? port = null) => StartAsync(port, null, tlsOnConnect: false);

    public static async Task<SmtpTestServer> StartAsync(int? port, X509Certificate2? certificate, bool tlsOnConnect)
    {
        var server = new SmtpTestServer(port ?? FreePort(), certificate, tlsOnConnect);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.Parse("2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse("2040-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        // Re-imported so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"Le serveur SMTP de test n'écoute pas sur le port {Port}.");
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Stopping is all we need.
        }
        _stop.Dispose();
    }

    private sealed class RecordingStore(ConcurrentQueue<MimeMessage> received, ConcurrentQueue<bool> secure) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                stream.Write(segment.Span);
            }
            stream.Position = 0;
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            secure.Enqueue(context.Pipe.IsSecure);
            return SmtpResponse.Ok;
        }
    }
}
