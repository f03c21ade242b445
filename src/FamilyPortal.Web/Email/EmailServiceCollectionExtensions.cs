namespace FamilyPortal.Web.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
