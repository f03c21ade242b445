using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Features.Retention;

public static class RetentionRegistration
{
    /// <summary>The periods of « Mentions légales » and the daily jobs that enforce them.</summary>
    public static IServiceCollection AddPortalRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RetentionEmails>();
        services.AddScheduledJob<DocumentRetentionJob>();
        services.AddScheduledJob<DepartedFamilyHealthJob>();
        services.AddScheduledJob<InactiveAccountsJob>();
        services.AddScheduledJob<JournalAndMailRetentionJob>();
        services.AddScheduledJob<MessageRetentionJob>();
        return services;
    }
}
