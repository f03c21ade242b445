using System.Security.Cryptography.X509Certificates;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using static FamilyPortal.Tests.Email.EmailTestKit;

namespace FamilyPortal.Tests.Email;

public sealed class SmtpSecurityTests
{
    [Theory]
    [InlineData(SmtpSecurity.None, SecureSocketOptions.None)]
    [InlineData(SmtpSecurity.StartTls, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, SecureSocketOptions.SslOnConnect)]
    public void Each_security_setting_maps_to_its_MailKit_option(SmtpSecurity security, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpEmailTransport.ToSecureSocketOptions(security));

    [Fact]
    public void No_setting_maps_to_an_opportunistic_mode() =>
        Assert.All(Enum.GetValues<SmtpSecurity>(), s =>
            Assert.DoesNotContain(SmtpEmailTransport.ToSecureSocketOptions(s), new[] { SecureSocketOptions.Auto, SecureSocketOptions.StartTlsWhenAvailable }));

    [Theory]
    [InlineData("None", SmtpSecurity.None)]
    [InlineData("StartTls", SmtpSecurity.StartTls)]
    [InlineData("SslOnConnect", SmtpSecurity.SslOnConnect)]
    public void The_setting_is_read_from_configuration(string value, SmtpSecurity expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:Security"] = value }).Build();

        Assert.Equal(expected, configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>()!.Security);
    }

    [Fact]
    public async Task StartTls_against_a_server_without_STARTTLS_fails_instead_of_sending_in_clear()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = PortalFactory.With(Smtp(smtp.Port, security: "StartTls"));
        var queued = await EnqueueAsync(factory, Sample());

        Assert.Equal(0, await DispatchAsync(factory));

        Assert.Empty(smtp.Received);
        var stored = await FindAsync(factory, queued.MessageId);
        Assert.Null(stored!.SentAtUtc);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal("Le serveur SMTP ne propose pas la sécurité demandée (StartTls).", stored.LastError);
        Assert.True(stored.NextAttemptAtUtc > Now(factory));
    }

    [Fact]
    public async Task StartTls_upgrades_the_session_before_the_message_is_sent()
    {
        using var certificate = SmtpTestServer.SelfSignedCertificate();
        await using var smtp = await SmtpTestServer.StartAsync(null, certificate, tlsOnConnect: false);

        await SendDirectAsync(smtp.Port, SmtpSecurity.StartTls, certificate);

        Assert.Single(smtp.Received);
        Assert.Equal([true], smtp.SecureSessions);
    }

    [Fact]
    public async Task SslOnConnect_speaks_TLS_from_the_first_byte()
    {
        using var certificate = SmtpTestServer.SelfSignedCertificate();
        await using var smtp = await SmtpTestServer.StartAsync(null, certificate, tlsOnConnect: true);

        await SendDirectAsync(smtp.Port, SmtpSecurity.SslOnConnect, certificate);

        Assert.Single(smtp.Received);
        Assert.Equal([true], smtp.SecureSessions);
    }

    [Fact]
    public async Task None_sends_in_clear_to_a_plain_relay()
    {
        await using var smtp = await SmtpTestServer.StartAsync();

        await SendDirectAsync(smtp.Port, SmtpSecurity.None, trusted: null);

        Assert.Single(smtp.Received);
        Assert.Equal([false], smtp.SecureSessions);
    }

    [Fact]
    public async Task SslOnConnect_against_a_plain_server_fails()
    {
        await using var smtp = await SmtpTestServer.StartAsync();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => SendDirectAsync(smtp.Port, SmtpSecurity.SslOnConnect, trusted: null));

        Assert.True(error.ServerUnavailable);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default()
    {
        using var certificate = SmtpTestServer.SelfSignedCertificate();
        await using var smtp = await SmtpTestServer.StartAsync(null, certificate, tlsOnConnect: false);

        await Assert.ThrowsAsync<EmailDeliveryException>(() => SendDirectAsync(smtp.Port, SmtpSecurity.StartTls, trusted: null));

        Assert.Empty(smtp.Received);
    }

    [Fact]
    public void Credentials_are_refused_without_encryption()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "smtp.exemple.test",
            ["Smtp:Security"] = "None",
            ["Smtp:UserName"] = "portail",
            ["Smtp:Password"] = "secret",
            ["App:PublicBaseUrl"] = "https://portail.exemple.test",
            ["Email:DispatcherEnabled"] = "false",
        }).Build();
        services.AddPortalEmail(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptions<SmtpOptions>>().Value);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    /// <param name="trusted">The test certificate to trust; null keeps the system's certificate checks.</param>
    private static async Task SendDirectAsync(int port, SmtpSecurity security, X509Certificate2? trusted)
    {
        var options = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = security, TimeoutSeconds = 10 });
        await using var transport = new SmtpEmailTransport(options)
        {
            ServerCertificateValidation = trusted is null
                ? null
                : (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString(),
        };
        var message = new MimeMessage { Subject = "Essai de sécurité" };
        message.From.Add(MailboxAddress.Parse("ne-pas-repondre@portail-famille.fr"));
        message.To.Add(MailboxAddress.Parse("parent@exemple.test"));
        message.Body = new TextPart("plain") { Text = "Bonjour" };
        await transport.SendAsync(message, CancellationToken.None);
    }
}
