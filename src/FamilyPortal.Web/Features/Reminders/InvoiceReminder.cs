namespace FamilyPortal.Web.Features.Reminders;

/// <summary>
/// A reminder sent for an unpaid invoice. One row per invoice and level (1 to 3), under a unique index: of two
/// servers sending the same reminder at once, the second's insert fails and its email is rolled back with it.
/// </summary>
public class InvoiceReminder : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int InvoiceId { get; set; }
    public int Level { get; set; }
    public DateOnly SentOn { get; set; }
    public DateTime SentAtUtc { get; set; }
    /// <summary>What was left to pay when it was sent.</summary>
    public decimal Remaining { get; set; }
}
