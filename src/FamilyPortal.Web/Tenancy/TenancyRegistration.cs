namespace FamilyPortal.Web.Tenancy;

public static class TenancyRegistration
{
    public static IServiceCollection AddPortalTenancy(this IServiceCollection services)
    {
        services.AddScoped<TenantContext>();
        services.AddScoped<CurrentMunicipality>();
        return services;
    }
}
