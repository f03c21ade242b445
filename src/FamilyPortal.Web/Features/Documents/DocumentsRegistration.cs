using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Features.Documents;

public static class DocumentsRegistration
{
    public static IServiceCollection AddPortalDocuments(this IServiceCollection services)
    {
        services.AddScoped<SupportingDocuments>();
        services.AddScoped<DocumentEmails>();
        services.AddScoped<DocumentDecisions>();
        services.AddScheduledJob<DocumentExpiryJob>();
        return services;
    }
}
