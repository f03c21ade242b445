using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.BookingReminders;

/// <summary>
/// The reminders of one collectivité (the scope's tenant) due now, for next week: each family with a child who
/// could book an activity with reminders on and has booked nothing of it gets one email, saved in one
/// transaction with the row that records it; a family already reminded for the week is skipped.
/// </summary>
public sealed class BookingReminderSender(FamilyPortalDbContext db, CalendarLoader calendars, BookingReminderEmails emails,
    TimeProvider time, ILogger<BookingReminderSender> logger)
{
    /// <returns>How many families were reminded by this call.</returns>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == db.CurrentMunicipalityId, ct);
        var now = time.GetUtcNow();
        var zone = ParisClock.Zone;
        var weekStart = BookingReminderRule.NextWeekStart(ParisClock.Today(now, zone));
        var weekEnd = weekStart.AddDays(6);
        var activities = await db.Activities.AsNoTracking()
            .Where(a => !a.IsArchived && a.BookingReminder.Enabled).OrderBy(a => a.Id).ToListAsync(ct);
        if (activities.Count == 0)
        {
            return 0;
        }
        var today = ParisClock.Today(now, zone);
        var reminded = db.BookingRemindersSent.Where(r => r.WeekStart == weekStart).Select(r => r.FamilyId);
        var children = await db.Children.AsNoTracking()
            .Where(c => !reminded.Contains(c.FamilyId) && db.Families.Any(f => f.Id == c.FamilyId && (f.DepartedOn == null || f.DepartedOn > today)))
            .OrderBy(c => c.FamilyId).ThenBy(c => c.BirthDate).ThenBy(c => c.FirstName).ToListAsync(ct);
        if (children.Count == 0)
        {
            return 0;
        }
        var data = await calendars.LoadAsync(activities.Select(a => a.Id).ToList(), children.Select(c => c.Id).ToList(), null, weekStart, weekEnd, ct);
        var lines = new List<(int FamilyId, ReminderLine Line)>();
        foreach (var activity in activities)
        {
            var cutoff = BookingReminderRule.WeekCutoff(weekStart, activity.Days, activity.Rule.BookingDeadline, d => data.IsWorkingDay(activity, d), zone);
            if (cutoff is not { } instant || !BookingReminderRule.IsDue(now, instant, activity.BookingReminder.HoursBefore))
            {
                continue;
            }
            var cutoffParis = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
            foreach (var child in children.Where(c => BookingVerdict.IsOffered(c.SiteId, activity.SiteId)))
            {
                var week = BookingReminderRule.WeekOf(weekStart).Select(d => data.Context(activity, child, d)).ToList();
                if (BookingReminderRule.ShouldRemind(week, now, zone))
                {
                    lines.Add((child.FamilyId, new ReminderLine(child.FirstName, activity.Label, cutoffParis)));
                }
            }
        }
        var sent = 0;
        foreach (var family in lines.GroupBy(l => l.FamilyId, l => l.Line))
        {
            if (await SendAsync(municipality, family.Key, family.ToList(), weekStart, now.UtcDateTime, ct))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> SendAsync(Municipality municipality, int familyId, List<ReminderLine> lines, DateOnly weekStart, DateTime nowUtc, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        try
        {
            if (await emails.ReminderAsync(db, familyId, lines, weekStart, municipality, ct) == 0)
            {
                return false;
            }
            db.BookingRemindersSent.Add(new BookingReminderSent
            {
                MunicipalityId = municipality.Id,
                FamilyId = familyId,
                WeekStart = weekStart,
                SentAtUtc = nowUtc,
                Lines = lines.Count,
            });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.BookingRemindersSent.AsNoTracking().AnyAsync(r => r.FamilyId == familyId && r.WeekStart == weekStart, ct))
            {
                throw;
            }
            // Another server reminded this family a moment ago: its row won, and this one's emails were never saved.
            logger.LogInformation("Rappel de réservation de la famille {FamilyId} pour la semaine du {WeekStart} déjà envoyé par un autre serveur", familyId, weekStart);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
