using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Infrastructure.Jobs;

/// <summary>Asks the runner every <see cref="JobOptions.PollSeconds"/> for due jobs; a failure is logged, never fatal.</summary>
public sealed class ScheduledJobService(
    ScheduledJobRunner runner,
    TimeProvider time,
    IOptions<JobOptions> options,
    ILogger<ScheduledJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; due jobs stay due until the next round.
                logger.LogError(ex, "Tâches planifiées interrompues ; nouvel essai dans {Seconds} s", period.TotalSeconds);
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
