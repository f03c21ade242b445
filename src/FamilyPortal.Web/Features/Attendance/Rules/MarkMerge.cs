namespace FamilyPortal.Web.Features.Attendance.Rules;

/// <summary>Where a child stands at an activity on a day, after the marks applied so far.</summary>
public sealed record MarkState(AttendanceStatus Status, AbsenceMotif? Motif, TimeOnly? ArrivedAt, TimeOnly? LeftAt, DateTime MarkedAtUtc);

/// <summary>One mark as a device took it: what, at what time of the day (arrivé / parti), and when the device took it.</summary>
public sealed record IncomingMark(MarkAction Action, AbsenceMotif? Motif, TimeOnly? Time, DateTime MarkedAtUtc);

/// <summary>
/// Two devices may mark the same child, one of them offline for an hour: the mark taken last on its device wins,
/// whatever the order in which they reach the server.
/// </summary>
public static class MarkMerge
{
    /// <summary>The state after the mark, or null when a later mark is already applied (the incoming one loses).</summary>
    public static MarkState? Apply(MarkState? current, IncomingMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (current is not null && mark.MarkedAtUtc < current.MarkedAtUtc)
        {
            return null;
        }
        var present = current is { Status: AttendanceStatus.Present } ? current : null;
        return mark.Action switch
        {
            MarkAction.Absent => new MarkState(AttendanceStatus.Absent, mark.Motif ?? AbsenceMotif.Other, null, null, mark.MarkedAtUtc),
            MarkAction.Arrived => new MarkState(AttendanceStatus.Present, null, mark.Time, present?.LeftAt, mark.MarkedAtUtc),
            MarkAction.Left => new MarkState(AttendanceStatus.Present, null, present?.ArrivedAt, mark.Time, mark.MarkedAtUtc),
            _ => new MarkState(AttendanceStatus.Present, null, present?.ArrivedAt, present?.LeftAt, mark.MarkedAtUtc),
        };
    }

    /// <summary>
    /// The time a mark counts at: the device's, unless its clock runs ahead of the server's — a tablet set an hour
    /// late in the future would otherwise beat every correction made after it.
    /// </summary>
    public static DateTime EffectiveTime(DateTime deviceUtc, DateTime serverUtc) => deviceUtc > serverUtc ? serverUtc : deviceUtc;
}
