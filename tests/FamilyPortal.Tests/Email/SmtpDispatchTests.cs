using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static FamilyPortal.Tests.Email.EmailTestKit;

namespace FamilyPortal.Tests.Email;

public sealed class SmtpDispatchTests
{
    [Fact]
    public async Task A_due_message_is_delivered_over_SMTP_with_its_headers_and_both_bodies()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = PortalFactory.With(Smtp(smtp.Port));
        var queued = await EnqueueAsync(factory, Sample() with { ToName = "Famille DUPOND" });

        Assert.Equal(1, await DispatchAsync(factory));

        var received = Assert.Single(smtp.Received);
        Assert.Equal(queued.MessageId, $"<{received.MessageId}>");
        Assert.Equal("Votre code d'adhésion", received.Subject);
        Assert.Equal("parent@famille.exemple.test", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("Famille DUPOND", received.To.Mailboxes.Single().Name);
        Assert.Equal("ne-pas-repondre@portail-famille.fr", Assert.Single(received.From.Mailboxes).Address);
        Assert.Contains("WKMLY75KOA", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("La collectivité COMMUNE D'ECROUVES", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("WKMLY75KOA", received.HtmlBody, StringComparison.Ordinal);
        var sent = await FindAsync(factory, queued.MessageId);
        Assert.Equal(Now(factory), sent!.SentAtUtc);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.ClaimedUntilUtc);
    }

    [Fact]
    public async Task SMTP_down_delays_the_message_with_back_off_and_it_is_delivered_once_when_the_server_returns()
    {
        var port = SmtpTestServer.FreePort();
        var logs = new CapturedLogs();
        await using var factory = PortalFactory.With(Smtp(port));
        // Our own logger factory: Serilog's writes through the process-wide static logger, shared by parallel tests.
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerFactory>(new LoggerFactory([logs]))));
        var services = app.Services;
        var queued = await EnqueueAsync(services, Sample(paragraph: "Contenu-confidentiel-7731"));
        var start = Now(factory);

        Assert.Equal(0, await DispatchAsync(services));
        var failed = await FindAsync(services, queued.MessageId);
        Assert.NotNull(failed);
        Assert.Null(failed.SentAtUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("Connexion au serveur SMTP impossible", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(start + RetrySchedule.First, failed.NextAttemptAtUtc);
        Assert.Null(failed.ClaimedBy);

        // Before the back-off has elapsed the message is not tried again.
        Assert.Equal(0, await DispatchAsync(services));
        Assert.Equal(1, (await FindAsync(services, queued.MessageId))!.Attempts);

        // Second failure: the delay doubles.
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(0, await DispatchAsync(services));
        var twice = await FindAsync(services, queued.MessageId);
        Assert.Equal(2, twice!.Attempts);
        Assert.Equal(Now(factory) + TimeSpan.FromMinutes(1), twice.NextAttemptAtUtc);

        await using var smtp = await SmtpTestServer.StartAsync(port);
        Assert.Equal(0, await DispatchAsync(services));
        Assert.Empty(smtp.Received);

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await DispatchAsync(services));
        Assert.Equal(0, await DispatchAsync(services));
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await DispatchAsync(services));

        var received = Assert.Single(smtp.Received);
        Assert.Equal(queued.MessageId, $"<{received.MessageId}>");
        var sent = await FindAsync(services, queued.MessageId);
        Assert.NotNull(sent!.SentAtUtc);
        Assert.Equal(3, sent.Attempts);
        Assert.Null(sent.LastError);

        var mailLog = logs.Lines.Where(l => l.Contains("FamilyPortal.Web.Email", StringComparison.Ordinal)).ToList();
        Assert.True(mailLog.Count == 3, logs.All);
        Assert.All(mailLog, line =>
        {
            Assert.Contains(queued.MessageId, line, StringComparison.Ordinal);
            Assert.Contains("RecipientDomain=famille.exemple.test", line, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("parent@", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Contenu-confidentiel-7731", logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_deliver_each_message_exactly_once()
    {
        const int count = 24;
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = PortalFactory.With(Smtp(smtp.Port, batchSize: 5));
        var expected = new List<string>();
        await using (var scope = factory.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            for (var i = 0; i < count; i++)
            {
                expected.Add(outbox.Enqueue(Sample(subject: $"Message {i}", to: $"parent{i}@exemple.test")).MessageId);
            }
            await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().SaveChangesAsync();
        }

        await using var first = factory.Scope();
        await using var second = factory.Scope();
        var a = first.ServiceProvider.GetRequiredService<EmailDispatcher>();
        var b = second.ServiceProvider.GetRequiredService<EmailDispatcher>();
        Assert.NotEqual(a.InstanceId, b.InstanceId);
        using var go = new ManualResetEventSlim();
        var runs = new[] { a, b }.Select(d => Task.Run(async () =>
        {
            go.Wait();
            return await d.DispatchDueAsync(CancellationToken.None);
        })).ToArray();
        go.Set();
        var sent = await Task.WhenAll(runs);

        Assert.Equal(count, sent.Sum());
        var receivedIds = smtp.Received.Select(m => $"<{m.MessageId}>").ToList();
        Assert.Equal(count, receivedIds.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), receivedIds.Order(StringComparer.Ordinal));
        await using var check = factory.Scope();
        var db = check.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        Assert.Equal(count, await db.OutboxMessages.CountAsync(m => m.SentAtUtc != null && m.Attempts == 1));
    }

    [Fact]
    public async Task A_subject_with_line_breaks_cannot_add_a_header()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = PortalFactory.With(Smtp(smtp.Port));
        await EnqueueAsync(factory, Sample(subject: "Réservation\r\nBcc: espion@exemple.test"));

        Assert.Equal(1, await DispatchAsync(factory));

        var received = Assert.Single(smtp.Received);
        Assert.False(received.Headers.Contains("Bcc"));
        Assert.Empty(received.Bcc);
        Assert.Equal("Réservation Bcc: espion@exemple.test", received.Subject);
        Assert.Single(received.To.Mailboxes);
    }
}
