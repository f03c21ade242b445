namespace FamilyPortal.Web.Features.Memberships;

public static class MembershipsRegistration
{
    public static IServiceCollection AddPortalMemberships(this IServiceCollection services)
    {
        services.AddSingleton<AdhesionCodeVault>();
        services.AddScoped<AdhesionJoin>();
        services.AddScoped<AdhesionEmails>();
        return services;
    }
}
