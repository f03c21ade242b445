using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Email;

/// <summary>Runs the dispatcher every few seconds on each web instance; a failure is logged and retried, never fatal.</summary>
public sealed class EmailDispatcherService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<EmailDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; mail waits in the outbox until the next round.
                logger.LogError(ex, "Distribution des courriels interrompue ; nouvel essai dans {Seconds} s", period.TotalSeconds);
            }
            try
            {
                await Task.Delay(period, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
