using FamilyPortal.Web.Features.Enrolments.Admin;

namespace FamilyPortal.Web.Features.Activities.Admin;

/// <summary>What the activity form posts. Numbers and times are read as text, so each gets a French message.</summary>
public sealed class ActivityInput
{
    public string? Label { get; set; }
    public bool WithPrefix { get; set; }
    public string? SiteId { get; set; }
    public string? ServiceKindId { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public List<string> Days { get; set; } = [];
    public string? Capacity { get; set; }
    public string? SortOrder { get; set; }
    /// <summary>« Éligible à l'attestation fiscale »: a checkbox, « true » when ticked.</summary>
    public string? TaxCreditEligible { get; set; }
    public int Version { get; set; }
    /// <summary>« Rappel avant la date limite »: a checkbox, « true » when ticked, and the hours before the cut-off.</summary>
    public string? ReminderEnabled { get; set; }
    public string? ReminderHours { get; set; }
    public EnrolmentInput Enrolment { get; set; } = new();

    // Administrators only: the price and the règlement.
    public string? UnitPrice { get; set; }
    public DeadlineInput Booking { get; set; } = new();
    public DeadlineInput Cancellation { get; set; } = new();
    public string? OpensOn { get; set; }
    public string? OpensAt { get; set; }
    public string? HorizonWeeks { get; set; }

    /// <summary>Form fields an agent may not post: changing them is refused with 403.</summary>
    public static readonly string[] AdministratorFields =
        ["Input.UnitPrice", "Input.Booking.", "Input.Cancellation.", "Input.OpensOn", "Input.OpensAt", "Input.HorizonWeeks"];
}

/// <summary>A deadline of the règlement: « n jours (ouvrés) avant à HH:MM » or « le jeudi de la semaine précédente à HH:MM ».</summary>
public sealed class DeadlineInput
{
    public string? Kind { get; set; }
    public string? Days { get; set; }
    public bool WorkingDays { get; set; }
    public string? Weekday { get; set; }
    public string? Time { get; set; }
}
