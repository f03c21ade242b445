using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Email;

/// <summary>Runs the dispatcher every few seconds on each web instance; mail waits in the outbox after a failed round.</summary>
public sealed class EmailDispatcherService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<EmailDispatcherService> logger) : PollingService(time)
{
    protected override TimeSpan Period => Seconds(options.Value.PollSeconds);

    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync(stoppingToken);
    }

    protected override void LogRoundFailed(Exception exception, TimeSpan period) =>
        logger.LogError(exception, "Distribution des courriels interrompue ; nouvel essai dans {Seconds} s", period.TotalSeconds);
}
