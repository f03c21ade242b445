namespace FamilyPortal.Web.Features.Attendance;

/// <summary>
/// The pointage of one child at one activity on one day: présent (with its arrival and departure times) or
/// absent with a motif. One row per child, activity and day holds the latest mark by the time the device took it;
/// every mark received, applied or not, is in the journal.
/// </summary>
public class AttendanceMark : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ChildId { get; set; }
    public int ActivityId { get; set; }
    public DateOnly Date { get; set; }
    public AttendanceStatus Status { get; set; }
    public AbsenceMotif? Motif { get; set; }
    /// <summary>Arrival and departure, Paris time.</summary>
    public TimeOnly? ArrivedAt { get; set; }
    public TimeOnly? LeftAt { get; set; }
    /// <summary>When the device took the mark (possibly offline, long before it reached the server).</summary>
    public DateTime MarkedAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public required string MarkedByAccountId { get; set; }
}
