using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Features.Enrolments;

public static class EnrolmentsRegistration
{
    public static IServiceCollection AddPortalEnrolments(this IServiceCollection services)
    {
        services.AddScoped<EnrolmentGate>();
        services.AddScoped<EnrolmentPeriods>();
        services.AddScoped<EnrolmentEmails>();
        services.AddScoped<EnrolmentPromotion>();
        services.AddScoped<EnrolmentService>();
        services.AddScoped<EnrolmentDecisions>();
        services.AddScoped<IEnrolmentCondition, ActivityConditions>();
        services.AddScoped<IEnrolmentCondition, ConfirmedFileCondition>();
        services.AddScoped<IEnrolmentCondition, ValidDocumentsCondition>();
        services.AddScoped<IEnrolmentCondition, CampaignCondition>();
        services.AddScoped<CampaignEmails>();
        services.AddScoped<CampaignRequests>();
        services.AddScoped<CampaignAllocator>();
        services.AddScheduledJob<EnrolmentOfferExpiryJob>();
        return services;
    }
}
