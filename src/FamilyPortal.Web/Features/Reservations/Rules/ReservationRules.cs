namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>The règlement applied to one cell: what it shows, and whether a basket line may be applied now.</summary>
public sealed class ReservationRules(TimeZoneInfo zone)
{
    public CellState StateOf(DayContext day, DateTimeOffset now)
    {
        if (day.ChildHasBooking)
        {
            if (day.BasketLine == BasketLineKind.Cancel)
            {
                return CellState.ToCancel;
            }
            return CanCancel(day, now) is null ? CellState.Booked : CellState.BookedLocked;
        }
        if (IsClosed(day))
        {
            return CellState.Closed;
        }
        if (day.BasketLine == BasketLineKind.Add)
        {
            return CellState.ToAdd;
        }
        if (CanBook(day, now) is not null)
        {
            return CellState.BookingClosed;
        }
        return IsFull(day) ? CellState.Full : CellState.Bookable;
    }

    /// <summary>Null when the day may be booked now, otherwise the French reason.</summary>
    public string? CanBook(DayContext day, DateTimeOffset now)
    {
        if (IsClosed(day))
        {
            return day.ClosureReason is { } reason ? $"fermé ({reason})" : "fermé";
        }
        if (day.SchoolYearEnd is not { } yearEnd)
        {
            return "hors année scolaire";
        }
        if (day.Rule.OpensAtUtc is { } opens && now.UtcDateTime < opens)
        {
            var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(opens, TimeSpan.Zero), zone);
            return $"réservations ouvertes à partir du {local:dd/MM/yyyy} à {local:HH\\:mm}";
        }
        var today = ParisClock.Today(now, zone);
        if (day.Day > day.Rule.LastBookableDay(today, yearEnd))
        {
            return "trop tôt pour réserver ce jour";
        }
        var deadline = day.Rule.BookingDeadline.Instant(day.Day, day.IsWorkingDay, zone);
        if (now >= deadline)
        {
            return $"délai dépassé le {TimeZoneInfo.ConvertTime(deadline, zone):dd/MM} à {TimeZoneInfo.ConvertTime(deadline, zone):HH\\:mm}";
        }
        return null;
    }

    /// <summary>Null when the booking may be cancelled now, otherwise the French reason.</summary>
    public string? CanCancel(DayContext day, DateTimeOffset now)
    {
        var deadline = day.Rule.CancellationDeadline.Instant(day.Day, day.IsWorkingDay, zone);
        return now < deadline
            ? null
            : $"délai d'annulation dépassé le {TimeZoneInfo.ConvertTime(deadline, zone):dd/MM} à {TimeZoneInfo.ConvertTime(deadline, zone):HH\\:mm}";
    }

    public static bool IsClosed(DayContext day) =>
        day.ClosureReason is not null || !day.RunsOn.Includes(day.Day.DayOfWeek) || FrenchPublicHolidays.IsHoliday(day.Day);

    public static bool IsFull(DayContext day) => day.Capacity is { } capacity && day.Booked >= capacity;
}
