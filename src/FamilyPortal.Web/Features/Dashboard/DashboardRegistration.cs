namespace FamilyPortal.Web.Features.Dashboard;

public static class DashboardRegistration
{
    public static IServiceCollection AddPortalDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardFigures>();
        return services;
    }
}
