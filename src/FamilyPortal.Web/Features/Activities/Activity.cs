namespace FamilyPortal.Web.Features.Activities;

/// <summary>A prestation: one bookable row of the week grid, e.g. « GJ - PERI SOIR - 16H05/17H05 ».</summary>
public class Activity : ITenantOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int ServiceKindId { get; set; }
    public ServiceKind? ServiceKind { get; set; }
    public required string Label { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public ServiceDays Days { get; set; } = ServiceDays.SchoolWeek;
    public decimal UnitPrice { get; set; }
    /// <summary>Places per day; null means unlimited.</summary>
    public int? Capacity { get; set; }
    public int SortOrder { get; set; }
    public BookingRule Rule { get; set; } = new();
    /// <summary>Whether children are enrolled before booking, and on what conditions.</summary>
    public EnrolmentSettings Enrolment { get; set; } = new();
    /// <summary>Reminds the families who have booked nothing for next week, some hours before the cut-off.</summary>
    public BookingReminderSettings BookingReminder { get; set; } = new();
    public bool IsArchived { get; set; }
    /// <summary>« Éligible à l'attestation fiscale » (frais de garde des enfants de moins de 6 ans); never for a catering service.</summary>
    public bool TaxCreditEligible { get; set; }
    /// <summary>Concurrency token, raised by every staff save: a second save of the same version is refused.</summary>
    public int Version { get; set; }
}
