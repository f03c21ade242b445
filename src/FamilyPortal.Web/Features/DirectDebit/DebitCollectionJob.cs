using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>Every hour: the debits whose collection date has come (Paris day) are recorded as paid.</summary>
public sealed class DebitCollectionJob(DebitCollections collections, TimeProvider time) : IScheduledJob
{
    public string Name => "prelevements-encaisses";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(CancellationToken cancellationToken) =>
        collections.RecordDueAsync(ParisClock.Today(time.GetUtcNow(), ParisClock.Zone), cancellationToken);
}
