using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data.Demo;

/// <summary>
/// The pointage of the DUPOND children at the Justice canteen in September 2026 (days they were booked): present
/// most days, LÉO ill one Monday, ANNE absent once with notice, so that « Pointage » and its exports show something.
/// </summary>
public static class DemoAttendance
{
    public static async Task SeedAsync(FamilyPortalDbContext db, int municipalityId, Family family, string staffAccountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(family);
        var canteen = await db.Activities.IgnoreQueryFilters().SingleAsync(a => a.MunicipalityId == municipalityId && a.Label == "JUSTICE - RESTAURATION", ct);
        var childIds = family.Children.Select(c => c.Id).ToList();
        var bookings = await db.Bookings.IgnoreQueryFilters()
            .Where(b => b.MunicipalityId == municipalityId && b.ActivityId == canteen.Id && childIds.Contains(b.ChildId)
                && b.CancelledAtUtc == null && b.Date >= DemoBilling.Month.FirstDay && b.Date <= DemoBilling.Month.LastDay)
            .OrderBy(b => b.Date).ToListAsync(ct);
        var (anne, leo) = (family.Children[0].Id, family.Children[^1].Id);
        var leoIll = bookings.FirstOrDefault(b => b.ChildId == leo)?.Date;
        var anneAway = bookings.LastOrDefault(b => b.ChildId == anne)?.Date;
        foreach (var booking in bookings)
        {
            var ill = booking.ChildId == leo && booking.Date == leoIll;
            var away = booking.ChildId == anne && booking.Date == anneAway;
            var markedAt = ParisClock.ToInstant(booking.Date.ToDateTime(new TimeOnly(11, 50)), ParisClock.Zone).UtcDateTime;
            db.AttendanceMarks.Add(new AttendanceMark
            {
                MunicipalityId = municipalityId,
                ChildId = booking.ChildId,
                ActivityId = canteen.Id,
                Date = booking.Date,
                Status = ill || away ? AttendanceStatus.Absent : AttendanceStatus.Present,
                Motif = ill ? AbsenceMotif.Illness : away ? AbsenceMotif.Announced : null,
                ArrivedAt = ill || away ? null : new TimeOnly(11, 45),
                MarkedAtUtc = markedAt,
                ReceivedAtUtc = markedAt,
                MarkedByAccountId = staffAccountId,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
