using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attendance;

/// <summary>The children expected at an activity on a day (booked), with what the staff must know of them and their mark.</summary>
public sealed class AttendanceSheet(FamilyPortalDbContext db, AttendanceCare care)
{
    /// <summary>The reason written on the booking of a child who came without one.</summary>
    public const string WalkInReason = "Présent non réservé, ajouté au pointage (réservation hors délai)";

    public sealed record Line(int ChildId, string LastName, string FirstName, string? SchoolClass, AttendanceCare.Care Care, MarkState? Mark, bool WalkIn)
    {
        public string FullName => $"{FirstName} {LastName}";
    }

    public sealed record Candidate(int ChildId, string FullName, string? SchoolClass, string HouseholdName);

    public async Task<IReadOnlyList<Line>> LoadAsync(int activityId, DateOnly day, CancellationToken ct)
    {
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.ActivityId == activityId && b.Date == day && b.CancelledAtUtc == null)
            .Join(db.Children, b => b.ChildId, c => c.Id, (b, c) => new { c.Id, c.LastName, c.FirstName, c.SchoolClass, WalkIn = b.StaffReason == WalkInReason })
            .OrderBy(l => l.LastName).ThenBy(l => l.FirstName).ThenBy(l => l.Id)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var marks = await db.AttendanceMarks.AsNoTracking()
            .Where(m => m.ActivityId == activityId && m.Date == day && ids.Contains(m.ChildId))
            .ToDictionaryAsync(m => m.ChildId, ct);
        var cares = await care.ForAsync(ids, ct);
        return rows.Select(r => new Line(r.Id, r.LastName, r.FirstName, r.SchoolClass, cares.GetValueOrDefault(r.Id) ?? AttendanceCare.Care.None,
            marks.TryGetValue(r.Id, out var mark) ? AttendanceMarks.StateOf(mark) : null, r.WalkIn)).ToList();
    }

    /// <summary>Children of the collectivité whose name contains the text, not already booked: who may be added as a walk-in.</summary>
    public async Task<IReadOnlyList<Candidate>> SearchAsync(string text, int activityId, DateOnly day, CancellationToken ct)
    {
        var words = text.Trim().ToUpperInvariant();
        var booked = db.Bookings.Where(b => b.ActivityId == activityId && b.Date == day && b.CancelledAtUtc == null).Select(b => b.ChildId);
        return await db.Children.AsNoTracking()
            .Where(c => !booked.Contains(c.Id) && (c.LastName.ToUpper() + " " + c.FirstName.ToUpper()).Contains(words)
                || !booked.Contains(c.Id) && (c.FirstName.ToUpper() + " " + c.LastName.ToUpper()).Contains(words))
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Take(20)
            .Select(c => new Candidate(c.Id, c.FirstName + " " + c.LastName, c.SchoolClass, c.Family!.HouseholdName))
            .ToListAsync(ct);
    }
}
