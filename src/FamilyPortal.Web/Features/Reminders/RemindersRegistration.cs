using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Features.Reminders;

public static class RemindersRegistration
{
    /// <summary>Reminders of unpaid invoices and the staff's « Impayés ».</summary>
    public static IServiceCollection AddPortalReminders(this IServiceCollection services)
    {
        services.AddScoped<ReminderEmails>();
        services.AddScheduledJob<InvoiceReminderJob>();
        return services;
    }
}
