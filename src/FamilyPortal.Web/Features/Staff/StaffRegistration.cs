namespace FamilyPortal.Web.Features.Staff;

public static class StaffRegistration
{
    public static IServiceCollection AddPortalStaff(this IServiceCollection services)
    {
        services.AddScoped<StaffInvitations>();
        return services;
    }
}
