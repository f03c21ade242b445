namespace FamilyPortal.Web.Features.Activities.Rules;

/// <summary>The weekdays on which an activity runs.</summary>
[Flags]
public enum ServiceDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    /// <summary>French school week without Wednesday.</summary>
    SchoolWeek = Monday | Tuesday | Thursday | Friday,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
}

public static class ServiceDaysExtensions
{
    public static bool Includes(this ServiceDays days, DayOfWeek day) =>
        (days & FromDayOfWeek(day)) != 0;

    public static ServiceDays FromDayOfWeek(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => ServiceDays.Monday,
        DayOfWeek.Tuesday => ServiceDays.Tuesday,
        DayOfWeek.Wednesday => ServiceDays.Wednesday,
        DayOfWeek.Thursday => ServiceDays.Thursday,
        DayOfWeek.Friday => ServiceDays.Friday,
        DayOfWeek.Saturday => ServiceDays.Saturday,
        _ => ServiceDays.Sunday,
    };
}
