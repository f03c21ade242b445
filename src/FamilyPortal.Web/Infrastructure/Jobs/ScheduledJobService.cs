using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Infrastructure.Jobs;

/// <summary>Asks the runner every <see cref="JobOptions.PollSeconds"/> for due jobs; due jobs stay due after a failed round.</summary>
public sealed class ScheduledJobService(
    ScheduledJobRunner runner,
    TimeProvider time,
    IOptions<JobOptions> options,
    ILogger<ScheduledJobService> logger) : PollingService(time)
{
    protected override TimeSpan Period => Seconds(options.Value.PollSeconds);

    protected override Task RunRoundAsync(CancellationToken stoppingToken) => runner.RunDueAsync(stoppingToken);

    protected override void LogRoundFailed(Exception exception, TimeSpan period) =>
        logger.LogError(exception, "Tâches planifiées interrompues ; nouvel essai dans {Seconds} s", period.TotalSeconds);
}
