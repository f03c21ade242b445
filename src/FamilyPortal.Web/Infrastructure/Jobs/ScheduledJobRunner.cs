using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Runs every registered job that is due and whose lease this server takes. Called by
/// <see cref="ScheduledJobService"/> on each server, and by tests after they move the clock.
/// </summary>
public sealed class ScheduledJobRunner(
    IServiceScopeFactory scopes,
    IEnumerable<ScheduledJobRegistration> registrations,
    TimeProvider time,
    IOptions<JobOptions> options,
    Observability.PortalMetrics metrics,
    ILogger<ScheduledJobRunner> logger)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    public string HolderId { get; } = ServerInstance.NewId();

    /// <returns>The names of the jobs this call ran (successfully or not).</returns>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken ct)
    {
        var ran = new List<string>();
        foreach (var registration in registrations)
        {
            if (await RunIfDueAsync(registration.JobType, ct) is { } name)
            {
                ran.Add(name);
            }
        }
        return ran;
    }

    private async Task<string?> RunIfDueAsync(Type jobType, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().EnterPlatformScope();
        var job = (IScheduledJob)services.GetRequiredService(jobType);
        var leases = services.GetRequiredService<JobLeases>();
        var start = time.GetUtcNow().UtcDateTime;
        var leaseLength = TimeSpan.FromMinutes(Math.Max(1, options.Value.LeaseMinutes));
        if (!await leases.TryTakeAsync(job.Name, HolderId, start, leaseLength, ct))
        {
            return null;
        }
        metrics.LeaseTaken();
        try
        {
            return await RunHeldAsync(job, leases, start, ct);
        }
        finally
        {
            metrics.LeaseGivenBack();
        }
    }

    private async Task<string> RunHeldAsync(IScheduledJob job, JobLeases leases, DateTime start, CancellationToken ct)
    {
        string? error = null;
        try
        {
            await job.RunAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "La tâche planifiée {Job} a échoué ; nouvel essai dans {Minutes} min", job.Name, RetryAfterFailure.TotalMinutes);
            error = ex.GetType().Name + ": " + ex.Message;
            error = error.Length <= JobLeases.MaxErrorLength ? error : error[..JobLeases.MaxErrorLength];
        }
        var end = time.GetUtcNow().UtcDateTime;
        var next = error is null ? start + job.Interval : end + RetryAfterFailure;
        await leases.GiveBackAsync(job.Name, HolderId, end, next, error);
        if (error is null)
        {
            logger.LogInformation("Tâche planifiée {Job} terminée", job.Name);
        }
        return job.Name;
    }
}
