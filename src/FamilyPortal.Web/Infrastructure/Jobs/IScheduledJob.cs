namespace FamilyPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Periodic background work (reminders, expiries, retention). Each job runs in its own service scope, in
/// platform scope (it may write any collectivité's rows; it reads them with
/// <c>IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])</c>), and at most once per <see cref="Interval"/>
/// across every portal server, thanks to a lease row in the database.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable, unique name: the key of the job's lease.</summary>
    string Name { get; }

    TimeSpan Interval { get; }

    /// <summary>Does the work due at the injected clock's time. Must be safe to run again after a failure.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
