namespace FamilyPortal.Web.Features.Attendance;

public static class AttendanceRegistration
{
    public static IServiceCollection AddPortalAttendance(this IServiceCollection services)
    {
        services.AddScoped<AttendanceSheet>();
        services.AddScoped<AttendanceMarks>();
        services.AddScoped<AttendanceExport>();
        return services;
    }
}
