namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>How a deadline of the règlement is expressed.</summary>
public enum DeadlineKind
{
    /// <summary>« n jours avant à HH:MM », n counted in calendar or in working days.</summary>
    DaysBefore,
    /// <summary>« le &lt;jour&gt; de la semaine précédente à HH:MM ».</summary>
    WeekdayOfPreviousWeek,
}

/// <summary>A booking or cancellation deadline of the règlement, relative to the service day.</summary>
public sealed record Deadline
{
    public DeadlineKind Kind { get; init; } = DeadlineKind.DaysBefore;
    public int Days { get; init; }
    /// <summary>With <see cref="DeadlineKind.DaysBefore"/>: skip weekends, public holidays and closures.</summary>
    public bool WorkingDays { get; init; }
    public DayOfWeek Weekday { get; init; } = DayOfWeek.Thursday;
    public TimeOnly Time { get; init; } = new(10, 0);

    public static Deadline DaysBeforeAt(int days, TimeOnly time, bool workingDays = false) =>
        new() { Kind = DeadlineKind.DaysBefore, Days = days, Time = time, WorkingDays = workingDays };

    public static Deadline PreviousWeekOn(DayOfWeek weekday, TimeOnly time) =>
        new() { Kind = DeadlineKind.WeekdayOfPreviousWeek, Weekday = weekday, Time = time };

    /// <summary>The local (Paris) day and time of the deadline for a service day.</summary>
    public DateTime LocalDeadline(DateOnly serviceDay, Func<DateOnly, bool> isWorkingDay)
    {
        var day = Kind switch
        {
            DeadlineKind.WeekdayOfPreviousWeek => MondayOf(serviceDay).AddDays(-7 + DaysFromMonday(Weekday)),
            _ when WorkingDays => StepBackWorkingDays(serviceDay, Days, isWorkingDay),
            _ => serviceDay.AddDays(-Days),
        };
        return day.ToDateTime(Time);
    }

    /// <summary>The instant of the deadline, computed in Europe/Paris whatever the server's zone.</summary>
    public DateTimeOffset Instant(DateOnly serviceDay, Func<DateOnly, bool> isWorkingDay, TimeZoneInfo zone) =>
        ParisClock.ToInstant(LocalDeadline(serviceDay, isWorkingDay), zone);

    /// <summary>« 2 jours ouvrés avant à 10:00 », « le jeudi de la semaine précédente à 10:00 ».</summary>
    public string Describe() => Kind switch
    {
        DeadlineKind.WeekdayOfPreviousWeek =>
            $"le {FrenchDates.DayName(Weekday)} de la semaine précédente à {Time:HH\\:mm}",
        _ when Days == 0 => $"le jour même à {Time:HH\\:mm}",
        _ => $"{Days} jour{(Days > 1 ? "s" : "")}{(WorkingDays ? (Days > 1 ? " ouvrés" : " ouvré") : "")} avant à {Time:HH\\:mm}",
    };

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-DaysFromMonday(day.DayOfWeek));

    private static int DaysFromMonday(DayOfWeek weekday) => ((int)weekday + 6) % 7;

    private static DateOnly StepBackWorkingDays(DateOnly serviceDay, int count, Func<DateOnly, bool> isWorkingDay)
    {
        var day = serviceDay;
        var remaining = count;
        // A year of non-working days in a row would be a configuration error, not a deadline.
        for (var guard = 0; remaining > 0 && guard < 366; guard++)
        {
            day = day.AddDays(-1);
            if (isWorkingDay(day))
            {
                remaining--;
            }
        }
        return day;
    }
}
