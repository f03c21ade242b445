using FamilyPortal.Web.Infrastructure.Captcha;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Tests.Infrastructure.Captcha;

/// <summary>The application with « Captcha:Enabled » set to false.</summary>
public sealed class CaptchaDisabledFactory() : PortalFactory(new Dictionary<string, string?> { ["Captcha:Enabled"] = "false" });

public class CaptchaDisabledTests(CaptchaDisabledFactory factory) : IClassFixture<CaptchaDisabledFactory>
{
    [Fact]
    public async Task Verification_succeeds_without_any_challenge()
    {
        Assert.True(await CaptchaHttp.VerifyAsync(factory, null, null));
        Assert.True(await CaptchaHttp.VerifyAsync(factory, "0123456789abcdef0123456789abcdef", "faux"));
    }

    [Fact]
    public async Task Issuing_stores_nothing_and_the_partial_renders_nothing()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);

        Assert.True(challenge.IsEmpty);
        await using (var scope = factory.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().CaptchaChallenges.AnyAsync());
        }
        var html = await CaptchaHttp.RenderPartialAsync(factory, new CaptchaFieldModel("0123456789abcdef0123456789abcdef", "Captcha"));
        Assert.True(string.IsNullOrWhiteSpace(html), html);
    }

    // Checked on the start-up service itself: Serilog's shared static logger mixes the events of the
    // application factories that run in parallel, so a captured log would not tell which host wrote what.
    [Fact]
    public async Task The_start_up_check_is_registered_and_warns_that_the_captcha_is_off()
    {
        Assert.Single(factory.Services.GetServices<IHostedService>().OfType<CaptchaStartupCheck>());
        var logs = new ListLogger<CaptchaStartupCheck>();
        var standalone = new CaptchaStartupCheck(factory.Services.GetRequiredService<IOptions<CaptchaOptions>>(),
            factory.Services.GetRequiredService<CaptchaImageRenderer>(), logs);

        await standalone.StartAsync(CancellationToken.None);

        var (level, message) = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal("Captcha désactivé : ne jamais utiliser en production", message);
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
