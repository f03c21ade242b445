using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Features.BookingReminders;

public static class BookingRemindersRegistration
{
    /// <summary>Reminders to book before the week's cut-off.</summary>
    public static IServiceCollection AddPortalBookingReminders(this IServiceCollection services)
    {
        services.AddScoped<BookingReminderEmails>();
        services.AddScoped<BookingReminderSender>();
        services.AddScheduledJob<BookingReminderJob>();
        return services;
    }
}
