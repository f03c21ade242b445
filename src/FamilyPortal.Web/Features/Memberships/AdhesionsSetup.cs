namespace FamilyPortal.Web.Features.Memberships;

public static class AdhesionsSetup
{
    public static IServiceCollection AddPortalAdhesions(this IServiceCollection services)
    {
        services.AddScoped<AdhesionJoin>();
        services.AddScoped<AdhesionEmails>();
        return services;
    }
}
