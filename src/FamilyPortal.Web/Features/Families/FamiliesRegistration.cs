using FamilyPortal.Web.Features.Dashboard;
namespace FamilyPortal.Web.Features.Families;

public static class AdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddPortalAdministration(this IServiceCollection services)
    {
        services.AddScoped<DashboardFigures>();
        services.AddScoped<FamilyFiles>();
        services.AddScoped<DayClosures>();
        services.AddScoped<StaffBookings>();
        services.AddScoped<SchoolHolidays>();
        services.AddScoped<Import.FamilyImporter>();
        return services;
    }
}
