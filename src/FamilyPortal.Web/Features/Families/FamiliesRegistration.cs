namespace FamilyPortal.Web.Features.Families;

public static class FamiliesRegistration
{
    public static IServiceCollection AddPortalFamilies(this IServiceCollection services)
    {
        services.AddScoped<FamilyFiles>();
        services.AddScoped<Import.FamilyImporter>();
        return services;
    }
}
