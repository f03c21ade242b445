using System.Net;
using FamilyPortal.Web.Infrastructure.RateLimits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Infrastructure;

/// <summary>
/// Two portal servers on one database, as behind a load balancer: a client's requests count together
/// whichever server answers them, so the platform's limit is the limit, not the limit times the servers.
/// </summary>
public sealed class SharedRateLimitTests : IDisposable
{
    private const string Client = "203.0.113.7";

    private readonly PortalFactory _first;
    private readonly PortalFactory _second;

    public SharedRateLimitTests()
    {
        _first = PortalFactory.With(Limits());
        _ = _first.Services; // starts it: its migrations make the database the second one joins
        var settings = Limits();
        settings["ConnectionStrings:FamilyPortal"] = DatabaseFingerprint.ConnectionString(_first);
        _second = PortalFactory.With(settings);
    }

    private static Dictionary<string, string?> Limits() => new()
    {
        ["RateLimits:connexion:PermitLimit"] = "3",
        ["RateLimits:connexion:WindowSeconds"] = "60",
        ["RateLimits:paiement-en-ligne:PermitLimit"] = "5",
    };

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task Sign_ins_from_one_address_count_together_on_both_servers_and_a_refusal_says_when_to_come_back()
    {
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_first, Client), "inconnu", "Mot de passe quelconque")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_second, Client), "inconnu", "Mot de passe quelconque")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_first, Client), "inconnu", "Mot de passe quelconque")).StatusCode);

        foreach (var server in new[] { _second, _first })
        {
            var refused = await SignInAsync(TestClientAddress.From(server, Client), "inconnu", "Mot de passe quelconque");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("Trop de tentatives", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // The clocks stand at 08:00:00, the start of a 60-second window.
            Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        }
        // Another address has its own count; the next window starts again.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_second, "203.0.113.8"), "inconnu", "Mot de passe quelconque")).StatusCode);
        _first.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_first, Client), "inconnu", "Mot de passe quelconque")).StatusCode);
    }

    [Fact]
    public async Task Requests_racing_on_both_servers_get_exactly_the_limit_through()
    {
        var servers = new[] { _first, _second };
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var client = TestClientAddress.From(servers[i % 2], Client);
            using var response = await client.Http.PostAsync("/paiement-en-ligne/notification", new FormUrlEncodedContent([new("idOp", $"FORGE{i:D6}")]));
            return response.StatusCode;
        }));

        Assert.Equal(5, answers.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(19, answers.Count(s => s == HttpStatusCode.TooManyRequests));
        await using var scope = _second.Scope();
        var counter = await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().RateLimitCounters.SingleAsync();
        Assert.Equal(5, counter.Count);
        Assert.Equal(RateLimitCounters.HashOf(Client), counter.PartitionHash);
    }

    [Fact]
    public async Task The_first_requests_of_a_window_racing_on_both_servers_are_all_counted_and_none_refused_below_the_limit()
    {
        var servers = new[] { _first, _second };
        var rule = new RateLimitRule("connexion", "client:198.51.100.9", PermitLimit: 1000, Window: TimeSpan.FromSeconds(60));
        // Each window starts without its row: every request looks for it, one server makes it while the other
        // looks again. Several windows, to give the race its chances.
        for (var window = 0; window < 5; window++)
        {
            var decisions = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
            {
                await using var scope = servers[i % 2].Scope();
                return await scope.ServiceProvider.GetRequiredService<RateLimitCounters>().CountAsync(rule, CancellationToken.None);
            }));
            Assert.All(decisions, d => Assert.True(d.Permitted));
            await using var check = _first.Scope();
            var start = _first.Clock.GetUtcNow().ToUnixTimeSeconds() / 60 * 60;
            var counter = await check.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().RateLimitCounters
                .SingleAsync(c => c.PartitionHash == RateLimitCounters.HashOf(rule.PartitionKey) && c.WindowStart == start);
            Assert.Equal(30, counter.Count);
            foreach (var server in servers)
            {
                server.Clock.Advance(TimeSpan.FromSeconds(60));
            }
        }
    }

    [Fact]
    public async Task The_purge_job_deletes_the_counters_of_windows_that_are_over_and_keeps_the_current_ones()
    {
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_first, Client), "inconnu", "Mot de passe quelconque")).StatusCode);
        _first.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(TestClientAddress.From(_first, Client), "inconnu", "Mot de passe quelconque")).StatusCode);

        await using var scope = _first.Scope();
        await scope.ServiceProvider.GetRequiredService<RateLimitCountersPurgeJob>().RunAsync(CancellationToken.None);

        var left = await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().RateLimitCounters.ToListAsync();
        var row = Assert.Single(left);
        Assert.Equal(_first.Clock.GetUtcNow().ToUnixTimeSeconds() - 30, row.WindowStart);
    }
}
