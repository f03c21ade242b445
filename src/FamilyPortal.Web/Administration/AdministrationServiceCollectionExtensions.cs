namespace FamilyPortal.Web.Administration;

public static class AdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddPortalAdministration(this IServiceCollection services)
    {
        services.AddScoped<Dashboard>();
        services.AddScoped<FamilyFiles>();
        services.AddScoped<DayClosures>();
        services.AddScoped<StaffBookings>();
        services.AddScoped<SchoolHolidays>();
        services.AddScoped<Import.FamilyImporter>();
        return services;
    }
}
