using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.BookingReminders;

/// <summary>
/// Reminders at the factory's clock, Monday 16/11/2026 08:00 in Paris: next week starts on Monday 23/11 and,
/// with « le jeudi de la semaine précédente à 12:00 », its cut-off is Thursday 19/11 at 12:00.
/// </summary>
public static class BookingReminderKit
{
    public static readonly DateOnly NextWeek = new(2026, 11, 23);

    public const string Subject = "Pensez à réserver avant jeudi 12h";

    /// <summary>Turns the activity's reminder on, <paramref name="hours"/> before a Thursday-noon cut-off (80 h: due now).</summary>
    public static Task EnableAsync(PortalFactory factory, int municipalityId, int activityId, int hours = 80) =>
        factory.InTenantAsync(municipalityId, async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
            var thursdayNoon = Deadline.PreviousWeekOn(DayOfWeek.Thursday, new TimeOnly(12, 0));
            activity.Rule = activity.Rule with { BookingDeadline = thursdayNoon, CancellationDeadline = thursdayNoon };
            activity.BookingReminder = new BookingReminderSettings { Enabled = true, HoursBefore = hours };
            return await db.SaveChangesAsync();
        });

    /// <summary>Another activity of the tenant's site, with its reminder on.</summary>
    public static Task<int> AddActivityAsync(PortalFactory factory, TenantBuilder.Tenant tenant, string label) =>
        factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            var first = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == tenant.ActivityId);
            var activity = new Activity { MunicipalityId = tenant.MunicipalityId, SiteId = first.SiteId, ServiceKindId = first.ServiceKindId, Label = label, UnitPrice = 1m };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            await EnableAsync(factory, tenant.MunicipalityId, activity.Id);
            return activity.Id;
        });

    public static Task<int> AddChildAsync(PortalFactory factory, TenantBuilder.Tenant tenant, string firstName) =>
        factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            var child = new Child { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, FirstName = firstName, LastName = "MARTIN", SiteId = tenant.SiteId };
            db.Children.Add(child);
            await db.SaveChangesAsync();
            return child.Id;
        });

    /// <summary>The job as one server runs it, without its lease.</summary>
    public static async Task RunAsync(PortalFactory factory)
    {
        await using var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        await scope.ServiceProvider.GetRequiredService<BookingReminderJob>().RunAsync(CancellationToken.None);
    }

    public static Task<List<OutboxMessage>> MailsAsync(PortalFactory factory, int municipalityId) =>
        factory.InTenantAsync(municipalityId, db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MunicipalityId == municipalityId && m.Subject.StartsWith(Subject)).OrderBy(m => m.Id).ToListAsync());

    public static Task<List<BookingReminderSent>> SentAsync(PortalFactory factory, int municipalityId) =>
        factory.InTenantAsync(municipalityId, db => db.BookingRemindersSent.AsNoTracking().Where(r => r.WeekStart == NextWeek).ToListAsync());
}
