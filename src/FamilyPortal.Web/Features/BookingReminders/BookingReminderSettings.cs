namespace FamilyPortal.Web.Features.BookingReminders;

/// <summary>
/// « Rappel avant la date limite » of an activity: whether families who have booked nothing for next week are
/// reminded, and how many hours before the week's booking cut-off.
/// </summary>
public sealed record BookingReminderSettings
{
    public const int DefaultHoursBefore = 24;
    public const int MaxHoursBefore = 168;

    public bool Enabled { get; init; }
    public int HoursBefore { get; init; } = DefaultHoursBefore;
}
