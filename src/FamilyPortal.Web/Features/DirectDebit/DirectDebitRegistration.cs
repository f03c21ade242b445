using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Features.DirectDebit;

public static class DirectDebitRegistration
{
    public static IServiceCollection AddPortalDirectDebit(this IServiceCollection services)
    {
        services.AddScoped<DebitMandates>();
        services.AddScoped<DebitBatchBuilder>();
        services.AddScoped<DebitRejects>();
        services.AddScoped<DebitCollections>();
        services.AddScheduledJob<DebitCollectionJob>();
        services.AddScoped<DirectDebitEmails>();
        services.AddScoped<DirectDebitSchedule>();
        return services;
    }
}
