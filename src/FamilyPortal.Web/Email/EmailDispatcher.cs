using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Email;

/// <summary>
/// Sends the outbox's due messages. Several web instances may run it at once: a message is claimed by
/// an atomic conditional update before it is sent, so only one instance sends it.
/// </summary>
public sealed class EmailDispatcher(
    FamilyPortalDbContext db,
    IEmailTransport transport,
    OutboxMimeBuilder mime,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<EmailDispatcher> logger)
{
    private const int MaxErrorLength = 500;

    /// <summary>Who holds a claim; unique per dispatcher so that a late instance cannot mark another's message.</summary>
    public string InstanceId { get; } = ServerInstance.NewId();

    /// <summary>Sends every message that is due now; returns how many were handed over.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var sent = 0;
        while (true)
        {
            var now = Now();
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.SentAtUtc == null && m.HeldForAccountId == null && m.AbandonedAtUtc == null && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var message in due)
            {
                switch (await SendOneAsync(message, cancellationToken))
                {
                    case Outcome.Sent:
                        sent++;
                        break;
                    case Outcome.ServerUnavailable:
                        // The next messages would fail the same way; they keep their turn for the next run.
                        return sent;
                }
            }
            if (due.Count < batchSize)
            {
                return sent;
            }
        }
    }

    private async Task<Outcome> SendOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(message.Id, cancellationToken))
        {
            return Outcome.Skipped;
        }
        var domain = EmailHeaderRules.DomainOf(message.ToAddress);
        try
        {
            await transport.SendAsync(mime.Build(message), cancellationToken);
        }
        catch (EmailDeliveryException ex)
        {
            await RecordFailureAsync(message, ex.Message);
            logger.LogWarning("Courriel {MessageId} vers le domaine {RecipientDomain} non envoyé (tentative {Attempt}) : {Error}",
                message.MessageId, domain, message.Attempts + 1, ex.Message);
            return ex.ServerUnavailable ? Outcome.ServerUnavailable : Outcome.Failed;
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(message.Id);
            throw;
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the message must stay in the outbox with a reason, not stay claimed.
            await RecordFailureAsync(message, $"Erreur inattendue ({ex.GetType().Name}).");
            logger.LogError(ex, "Courriel {MessageId} vers le domaine {RecipientDomain} : erreur inattendue", message.MessageId, domain);
            return Outcome.Failed;
        }

        var now = Now();
        var marked = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.ClaimedBy == InstanceId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAtUtc, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        if (marked != 1)
        {
            logger.LogWarning("Courriel {MessageId} envoyé alors que sa réservation avait expiré", message.MessageId);
        }
        logger.LogInformation("Courriel {MessageId} envoyé vers le domaine {RecipientDomain}", message.MessageId, domain);
        return Outcome.Sent;
    }

    private async Task<bool> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = Now();
        var until = now.AddSeconds(Math.Max(30, options.Value.ClaimSeconds));
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAtUtc == null && m.HeldForAccountId == null && m.AbandonedAtUtc == null && m.NextAttemptAtUtc <= now
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, InstanceId)
                .SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken);
        return claimed == 1;
    }

    private async Task RecordFailureAsync(OutboxMessage message, string error)
    {
        var now = Now();
        var attempts = message.Attempts + 1;
        var next = now + RetrySchedule.DelayAfter(attempts);
        var shortError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        // Not cancellable: once the attempt happened, the outbox must say so.
        await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.ClaimedBy == InstanceId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, shortError)
                .SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private async Task ReleaseAsync(long id) =>
        await db.OutboxMessages
            .Where(m => m.Id == id && m.ClaimedBy == InstanceId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private enum Outcome { Sent, Skipped, Failed, ServerUnavailable }
}
