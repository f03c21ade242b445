using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.BookingReminders;

/// <summary>
/// Every quarter of an hour, each collectivité with an activity whose reminder is on sends the reminders due,
/// in a scope of its own so that its rows are read and written under that collectivité's guard.
/// </summary>
public sealed class BookingReminderJob(FamilyPortalDbContext db, IServiceScopeFactory scopes) : IScheduledJob
{
    public string Name => "rappels-reservation";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var municipalities = await db.Activities.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(a => !a.IsArchived && a.BookingReminder.Enabled)
            .Select(a => a.MunicipalityId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        foreach (var municipalityId in municipalities)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(municipalityId);
            await scope.ServiceProvider.GetRequiredService<BookingReminderSender>().SendDueAsync(cancellationToken);
        }
    }
}
