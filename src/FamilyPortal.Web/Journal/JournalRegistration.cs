namespace FamilyPortal.Web.Journal;

public static class JournalRegistration
{
    public static IServiceCollection AddPortalJournal(this IServiceCollection services)
    {
        services.AddScoped<JournalInterceptor>();
        return services;
    }
}
