using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// Places offered from a waiting list and not accepted in time go to the next child, collectivité by
/// collectivité, each in a scope of its own so that the decisions run under that collectivité's guard.
/// </summary>
public sealed class EnrolmentOfferExpiryJob(FamilyPortalDbContext db, IServiceScopeFactory scopes, TimeProvider time) : IScheduledJob
{
    public string Name => "inscriptions-offres-expirees";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var municipalities = await db.Enrolments.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(e => e.State == EnrolmentState.Offered && e.OfferExpiresAtUtc <= now)
            .Select(e => e.MunicipalityId).Distinct().ToListAsync(cancellationToken);
        foreach (var municipalityId in municipalities)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(municipalityId);
            await scope.ServiceProvider.GetRequiredService<EnrolmentDecisions>().ExpireOffersAsync(cancellationToken);
        }
    }
}
