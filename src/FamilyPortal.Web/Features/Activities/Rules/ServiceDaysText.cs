namespace FamilyPortal.Web.Features.Activities.Rules;

/// <summary>The weekdays of an activity as the admin pages list and tick them, Monday first.</summary>
public static class ServiceDaysText
{
    public static readonly IReadOnlyList<(ServiceDays Day, DayOfWeek Weekday)> Week =
    [
        (ServiceDays.Monday, DayOfWeek.Monday), (ServiceDays.Tuesday, DayOfWeek.Tuesday), (ServiceDays.Wednesday, DayOfWeek.Wednesday),
        (ServiceDays.Thursday, DayOfWeek.Thursday), (ServiceDays.Friday, DayOfWeek.Friday), (ServiceDays.Saturday, DayOfWeek.Saturday),
        (ServiceDays.Sunday, DayOfWeek.Sunday),
    ];

    /// <summary>« lundi, mardi, jeudi, vendredi ».</summary>
    public static string Describe(ServiceDays days) =>
        string.Join(", ", Week.Where(d => (days & d.Day) != 0).Select(d => FrenchDates.DayName(d.Weekday)));
}
