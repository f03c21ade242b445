using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attendance;

/// <summary>
/// Applies the marks of the pointage page, one by one (a form) or by batch (a device back online). A mark needs
/// the child booked that day, a day not to come; the latest mark by its device time wins, and one that loses
/// is journalled as received and not applied, so that the journal holds every mark of every device.
/// </summary>
public sealed class AttendanceMarks(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time)
{
    public const int MaxBatch = 500;

    /// <param name="DeviceAtUtc">When the device took the mark; null for a plain form (now).</param>
    public sealed record MarkRequest(int ChildId, int ActivityId, DateOnly Date, MarkAction Action, AbsenceMotif? Motif, TimeOnly? Time, DateTime? DeviceAtUtc);

    public enum Outcome
    {
        Applied,
        /// <summary>A mark taken later on a device is already applied: this one is journalled only.</summary>
        Superseded,
        Refused,
    }

    public sealed record Result(Outcome Outcome, string? Message);

    public async Task<IReadOnlyList<Result>> ApplyAsync(IReadOnlyList<MarkRequest> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        try
        {
            return await db.InTransactionAsync(System.Data.IsolationLevel.Serializable, token => ApplyOnceAsync(requests, token), ct);
        }
        catch (DbUpdateException)
        {
            // Another device inserted the first mark of the same child at the same moment: its row now exists.
            db.ChangeTracker.Clear();
            return await db.InTransactionAsync(System.Data.IsolationLevel.Serializable, token => ApplyOnceAsync(requests, token), ct);
        }
    }

    private async Task<IReadOnlyList<Result>> ApplyOnceAsync(IReadOnlyList<MarkRequest> requests, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = ParisClock.Today(now, ParisClock.Zone);
        var childIds = requests.Select(r => r.ChildId).Distinct().ToList();
        var activityIds = requests.Select(r => r.ActivityId).Distinct().ToList();
        var days = requests.Select(r => r.Date).Distinct().ToList();
        var booked = (await db.Bookings.AsNoTracking()
            .Where(b => b.CancelledAtUtc == null && childIds.Contains(b.ChildId) && activityIds.Contains(b.ActivityId) && days.Contains(b.Date))
            .Select(b => new { b.ChildId, b.ActivityId, b.Date }).ToListAsync(ct))
            .Select(b => (b.ChildId, b.ActivityId, b.Date)).ToHashSet();
        var marks = (await db.AttendanceMarks
            .Where(m => childIds.Contains(m.ChildId) && activityIds.Contains(m.ActivityId) && days.Contains(m.Date)).ToListAsync(ct))
            .ToDictionary(m => (m.ChildId, m.ActivityId, m.Date));
        var names = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
        var results = new Result[requests.Count];
        var order = Enumerable.Range(0, requests.Count).OrderBy(i => requests[i].DeviceAtUtc ?? now.UtcDateTime).ToList();
        foreach (var i in order)
        {
            var request = requests[i];
            var key = (request.ChildId, request.ActivityId, request.Date);
            if (request.Date > today)
            {
                results[i] = new Result(Outcome.Refused, "Un jour à venir ne se pointe pas.");
                continue;
            }
            if (!booked.Contains(key))
            {
                results[i] = new Result(Outcome.Refused, names.TryGetValue(request.ChildId, out var name)
                    ? $"{name} n'est pas réservé(e) ce jour-là : ajoutez-le comme enfant présent non réservé."
                    : "Cet enfant n'est pas attendu ce jour-là.");
                continue;
            }
            var at = MarkMerge.EffectiveTime(request.DeviceAtUtc ?? now.UtcDateTime, now.UtcDateTime);
            var clock = TimeOnly.FromDateTime(ParisClock.ToParis(at).DateTime);
            var incoming = new IncomingMark(request.Action, request.Motif, request.Time ?? clock, at);
            var existing = marks.GetValueOrDefault(key);
            var state = MarkMerge.Apply(existing is null ? null : StateOf(existing), incoming);
            if (state is null)
            {
                db.JournalEntries.Add(await SupersededEntryAsync(existing!, incoming, names.GetValueOrDefault(request.ChildId, ""), now.UtcDateTime, ct));
                results[i] = new Result(Outcome.Superseded, "Un pointage plus récent d'un autre appareil est déjà enregistré.");
                continue;
            }
            if (existing is null)
            {
                existing = new AttendanceMark
                {
                    MunicipalityId = current.Id!.Value,
                    ChildId = request.ChildId,
                    ActivityId = request.ActivityId,
                    Date = request.Date,
                    MarkedByAccountId = current.AccountId!,
                };
                db.AttendanceMarks.Add(existing);
                marks[key] = existing;
            }
            existing.Status = state.Status;
            existing.Motif = state.Motif;
            existing.ArrivedAt = state.ArrivedAt;
            existing.LeftAt = state.LeftAt;
            existing.MarkedAtUtc = state.MarkedAtUtc;
            existing.ReceivedAtUtc = now.UtcDateTime;
            existing.MarkedByAccountId = current.AccountId!;
            results[i] = new Result(Outcome.Applied, null);
        }
        await db.SaveChangesAsync(ct);
        return results;
    }

    public static MarkState StateOf(AttendanceMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return new MarkState(mark.Status, mark.Motif, mark.ArrivedAt, mark.LeftAt, mark.MarkedAtUtc);
    }

    private async Task<JournalEntry> SupersededEntryAsync(AttendanceMark kept, IncomingMark lost, string childName, DateTime now, CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == current.AccountId)
            .Select(u => new { u.UserName, Name = u.FirstName + " " + u.LastName }).SingleAsync(ct);
        var lostText = AttendanceTexts.Actions.First(a => a.Action == lost.Action).Label
            + (lost.Action == MarkAction.Absent ? $" ({AttendanceTexts.MotifLabel(lost.Motif ?? AbsenceMotif.Other)})" : "")
            + (lost.Action is MarkAction.Arrived or MarkAction.Left && lost.Time is { } t ? $" à {t:HH\\:mm}" : "");
        return new JournalEntry
        {
            MunicipalityId = kept.MunicipalityId,
            AtUtc = now,
            ActorAccountId = current.AccountId,
            ActorName = staff.Name.Trim().Length == 0 ? staff.UserName ?? "" : staff.Name.Trim(),
            ActorLogin = staff.UserName,
            ActorIsStaff = true,
            Action = JournalAction.Modified,
            EntityType = nameof(AttendanceMark),
            EntityKey = kept.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Summary = $"Pointage de {childName} du {FrenchDates.Numeric(kept.Date)} reçu sans être appliqué : « {lostText} », "
                + $"pris le {FrenchDates.Numeric(DateOnly.FromDateTime(ParisClock.ToParis(lost.MarkedAtUtc).DateTime))} à {ParisClock.ToParis(lost.MarkedAtUtc):HH\\:mm\\:ss}, "
                + $"est plus ancien que « {AttendanceTexts.Describe(StateOf(kept))} » pris à {ParisClock.ToParis(kept.MarkedAtUtc):HH\\:mm\\:ss}",
        };
    }
}
