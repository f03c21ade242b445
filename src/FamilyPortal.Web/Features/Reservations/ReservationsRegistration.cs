using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Features.Reservations;

public static class ReservationsRegistration
{
    public static IServiceCollection AddPortalReservations(this IServiceCollection services)
    {
        services.AddScoped<CalendarLoader>();
        services.AddScoped<ReferenceCalendar>();
        services.AddScoped<StaffBookings>();
        services.AddScoped<FamilyActivities>();
        services.AddScoped<CapacityGate>();
        services.AddScoped<BasketService>();
        services.AddScoped<BasketValidator>();
        services.AddScoped<ReservationEmails>();
        services.AddScoped<WeekGridBuilder>();
        services.AddScoped<BasketReader>();
        services.AddScoped<DayWaitingList>();
        services.AddScheduledJob<DayWaitingLapseJob>();
        return services;
    }
}
