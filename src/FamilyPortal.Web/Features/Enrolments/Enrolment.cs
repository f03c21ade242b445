namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// An inscription: one child asking for, or holding, a place at an activity for a school year or a period
/// (its dates are copied so that later changes of the activity's period leave it as it was).
/// </summary>
public class Enrolment : ITenantOwned
{
    public const int MaxReasonLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ChildId { get; set; }
    public int ActivityId { get; set; }
    public required string PeriodLabel { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Concurrency token: two decisions on the same request cannot both apply.</summary>
    public EnrolmentState State { get; set; }
    public string? RefusalReason { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public string? RequestedByAccountId { get; set; }
    /// <summary>When the request joined the waiting list: its rank follows this moment.</summary>
    public DateTime? WaitingSinceUtc { get; set; }
    public DateTime? OfferExpiresAtUtc { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedByAccountId { get; set; }

    public bool Covers(DateOnly day) => State == EnrolmentState.Enrolled && day >= StartDate && day <= EndDate;
}

/// <summary>
/// Places held at an activity for a year or period, raised and lowered by single conditional statements so
/// that the enrolment capacity holds when many requests or decisions meet.
/// </summary>
public class EnrolmentLoad : ITenantOwned
{
    public int MunicipalityId { get; set; }
    public int ActivityId { get; set; }
    public DateOnly StartDate { get; set; }
    public int Taken { get; set; }
}
