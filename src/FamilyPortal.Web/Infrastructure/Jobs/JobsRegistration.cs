namespace FamilyPortal.Web.Infrastructure.Jobs;

/// <summary>A job known to the runner.</summary>
public sealed record ScheduledJobRegistration(Type JobType);

public static class JobsRegistration
{
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.AddScoped<JobLeases>();
        services.AddSingleton<ScheduledJobRunner>();
        if (configuration.GetValue($"{JobOptions.Section}:{nameof(JobOptions.Enabled)}", true))
        {
            services.AddHostedService<ScheduledJobService>();
        }
        return services;
    }

    /// <summary>Registers <typeparamref name="TJob"/> (scoped) with the runner.</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services) where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new ScheduledJobRegistration(typeof(TJob)));
        return services;
    }
}
