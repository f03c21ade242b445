using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure.Observability;

/// <summary>
/// The Prometheus scrape endpoint: read by the operator's networks (loopback by default) or with the token,
/// a 404 for anyone else; after a parent's journey it shows each of the portal's own metrics.
/// </summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private const string Token = "jeton-de-lecture-des-metriques-0123456789";
    private const string Password = "Une phrase de passe pour la cantine";

    private readonly PortalFactory _factory = PortalFactory.With(new Dictionary<string, string?>
    {
        ["Metrics:BearerToken"] = Token,
        ["Captcha:Enabled"] = "false",
    });

    public void Dispose() => _factory.Dispose();

    private async Task<HttpResponseMessage> ScrapeAsync(string? address, string? token)
    {
        var client = address is null ? PageClient.For(_factory) : TestClientAddress.From(_factory, address);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Only_the_operator_network_or_the_token_reads_the_metrics_anyone_else_gets_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync("203.0.113.20", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync("203.0.113.20", "mauvais-jeton")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync("2001:db8::20", Token + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync("203.0.113.20", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync("127.0.0.1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync("::1", null)).StatusCode);

        using var restricted = PortalFactory.With(new Dictionary<string, string?> { ["Metrics:AllowedNetworks:0"] = "198.51.100.0/24" });
        var inside = TestClientAddress.From(restricted, "198.51.100.77");
        Assert.Equal(HttpStatusCode.OK, (await inside.Http.GetAsync("/metrics")).StatusCode);
        // The list replaces loopback, and without a configured token no token opens it.
        Assert.Equal(HttpStatusCode.NotFound, (await TestClientAddress.From(restricted, "127.0.0.1").Http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task After_a_sign_in_and_a_basket_validated_the_scrape_shows_each_metric_of_the_portal()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory, linkAccount: false);
        string userName;
        await using (var scope = _factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
            var account = new PortalAccount { UserName = "metriques-" + Guid.NewGuid().ToString("N")[..8], Email = $"{Guid.NewGuid():N}@exemple.test", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(account, Password)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(tenant.MunicipalityId);
            db.Memberships.Add(new Membership { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, AccountId = account.Id });
            await db.SaveChangesAsync();
            userName = account.UserName;
        }
        var client = PageClient.For(_factory);
        Assert.Equal(HttpStatusCode.OK, (await Features.Accounts.AccountJourney.SignInAsync(client, userName, "pas le bon")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Features.Accounts.AccountJourney.SignInAsync(client, userName, Password)).StatusCode);
        var gridUrl = $"/reservations?enfant={tenant.ChildId}&semaine=2026-11-23";
        var page = await client.GetPageAsync(gridUrl);
        await client.SubmitAsync(page, gridUrl, new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:2026-11-26" }, "handler=Cell");
        var grid = await client.GetPageAsync(gridUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(grid, gridUrl, new Dictionary<string, string?>(), formAction: "handler=Validate")).StatusCode);

        var scrape = await ScrapeAsync(null, Token);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var text = await scrape.Content.ReadAsStringAsync();
        List<string> Samples(string name) => text.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)).ToList();
        Assert.Contains(Samples("portal_sign_ins_total"), l => l.Contains("outcome=\"refused\"", StringComparison.Ordinal));
        Assert.Contains(Samples("portal_sign_ins_total"), l => l.Contains("outcome=\"signed_in\"", StringComparison.Ordinal));
        Assert.Contains(Samples("portal_basket_lines_total"), l => l.Contains("outcome=\"booked\"", StringComparison.Ordinal));
        foreach (var name in new[]
        {
            "portal_password_checks_queued", "portal_password_checks_wait_seconds_count", "portal_outbox_oldest_unsent_age_seconds", "portal_jobs_leases_held",
        })
        {
            Assert.NotEmpty(Samples(name));
        }
        // The journey's confirmation mail waits in the outbox (no dispatcher in the tests). Other portals of the
        // test run, in this process, add their own series of the same meter.
        Assert.Contains(Samples("portal_outbox_backlog"), l => l.Split(' ')[1] != "0");
    }
}
