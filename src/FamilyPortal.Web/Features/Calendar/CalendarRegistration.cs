namespace FamilyPortal.Web.Features.Calendar;

public static class CalendarRegistration
{
    public static IServiceCollection AddPortalCalendar(this IServiceCollection services)
    {
        services.AddScoped<DayClosures>();
        services.AddScoped<SchoolHolidays>();
        return services;
    }
}
