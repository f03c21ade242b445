namespace FamilyPortal.Web.Features.BookingReminders;

/// <summary>
/// The reminder sent to a family for a week (its Monday). Unique per family and week: of two servers sending
/// it at once, the second's insert fails and its emails, saved in the same transaction, are rolled back.
/// </summary>
public class BookingReminderSent : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public DateOnly WeekStart { get; set; }
    public DateTime SentAtUtc { get; set; }
    /// <summary>How many children and activities the email listed.</summary>
    public int Lines { get; set; }
}
