namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>Why a day may not be booked or cancelled (or, for staff, which rule of the parents they pass over).</summary>
public enum VerdictReason
{
    None,
    /// <summary>The activity is another site's than the child's.</summary>
    NotOffered,
    AlreadyBooked,
    NothingToCancel,
    PublicHoliday,
    Closure,
    /// <summary>A weekday the activity does not run.</summary>
    NotServed,
    OutsideSchoolYear,
    NotOpenYet,
    BeyondHorizon,
    BookingDeadlinePassed,
    CancellationDeadlinePassed,
    Full,
    /// <summary>The activity needs an inscription the child does not hold for that day.</summary>
    NotEnrolled,
    /// <summary>The day's school year is under « Mise à jour des dossiers » and the family has not confirmed its file.</summary>
    FileToConfirm,
}
