namespace FamilyPortal.Web.Features.Attendance.Rules;

public enum AttendanceStatus
{
    Present = 1,
    Absent = 2,
}

/// <summary>Why a child booked was not there: it decides whether the day is billed when the activity bills the attendance.</summary>
public enum AbsenceMotif
{
    Illness = 1,
    /// <summary>The family warned within the règlement's cancellation deadline.</summary>
    Announced = 2,
    Unannounced = 3,
    Other = 4,
}

/// <summary>What an activity bills: the days booked (the default), or the days the children came.</summary>
public enum AttendanceBilling
{
    Bookings = 0,
    Attendance = 1,
}

/// <summary>What a staff member did on the pointage page for one child.</summary>
public enum MarkAction
{
    Present = 1,
    Absent = 2,
    Arrived = 3,
    Left = 4,
}
