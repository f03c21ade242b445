namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// Runs one round of work every period on each server until it stops. A failed round is logged and the next one
/// comes as usual: the database may be briefly unavailable, and the work waits in the database meanwhile.
/// </summary>
public abstract class PollingService(TimeProvider time) : BackgroundService
{
    protected abstract TimeSpan Period { get; }

    protected abstract Task RunRoundAsync(CancellationToken stoppingToken);

    protected abstract void LogRoundFailed(Exception exception, TimeSpan period);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = Period;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(ex, period);
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

    protected static TimeSpan Seconds(int seconds) => TimeSpan.FromSeconds(Math.Max(1, seconds));
}
