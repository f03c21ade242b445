using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure;

public class PlatformEndpointsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_reports_database_and_outbox_backlog()
    {
        var client = factory.CreateClient();
        var healthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.OutboxMessages.Add(new OutboxMessage
            {
                ToAddress = "retard@exemple.test",
                Subject = "Retard",
                TextBody = "t",
                HtmlBody = "<p>t</p>",
                MessageId = $"<{Guid.NewGuid():N}@test>",
                CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1),
                NextAttemptAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var degraded = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/page-qui-n-existe-pas")]
    public async Task Pages_carry_the_security_headers_and_no_server_banner(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Unknown_page_answers_a_french_404_without_details()
    {
        var response = await factory.CreateClient().GetAsync("/page-qui-n-existe-pas");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_offers_the_sign_in_button_in_french()
    {
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("Je me connecte", html, StringComparison.Ordinal);
    }
}
