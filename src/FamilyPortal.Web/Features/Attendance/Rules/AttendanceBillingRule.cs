namespace FamilyPortal.Web.Features.Attendance.Rules;

/// <summary>Whether a day booked is billed, for an activity that bills the attendance.</summary>
public static class AttendanceBillingRule
{
    /// <summary>
    /// An activity billing the bookings bills every day booked. One billing the attendance bills a child present
    /// or not marked (the booking stands); an absence for illness or announced within the deadline is not billed;
    /// an unannounced absence (or one for another motif) is billed when the activity says so.
    /// </summary>
    public static bool IsBilled(AttendanceBilling billing, bool billUnannouncedAbsences, AttendanceStatus? status, AbsenceMotif? motif) =>
        billing == AttendanceBilling.Bookings
        || status != AttendanceStatus.Absent
        || (motif is not (AbsenceMotif.Illness or AbsenceMotif.Announced) && billUnannouncedAbsences);
}
