using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.BookingReminders;

/// <summary>
/// « Pensez à réserver avant jeudi 12h »: one email per family and week listing its children and activities, to
/// each account of the family whose address is confirmed and that has not turned reminders off in « Mon compte ».
/// Queued in the caller's DbContext, saved with the reminder's row.
/// </summary>
public sealed class BookingReminderEmails(EmailOutbox outbox, PublicLinks links)
{
    /// <returns>How many emails were queued (none when no account of the family wants them).</returns>
    public async Task<int> ReminderAsync(FamilyPortalDbContext db, int familyId, IReadOnlyCollection<ReminderLine> lines,
        DateOnly weekStart, Municipality municipality, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(municipality);
        var accounts = await (from m in db.Memberships.AsNoTracking()
                              join u in db.Users on m.AccountId equals u.Id
                              where m.FamilyId == familyId && u.EmailConfirmed && u.Email != null && !u.BookingRemindersDeclined
                              orderby u.Id
                              select new { u.Id, u.Email, u.FirstName, u.LastName }).ToListAsync(ct);
        var subject = BookingReminderText.Subject(lines, municipality.Name);
        var paragraphs = BookingReminderText.Paragraphs(lines, weekStart);
        var recipients = accounts.DistinctBy(a => a.Email!.Trim().ToUpperInvariant()).ToList();
        foreach (var account in recipients)
        {
            outbox.Enqueue(db, new OutgoingEmail
            {
                ToAddress = account.Email!.Trim(),
                ToName = $"{account.FirstName} {account.LastName}".Trim(),
                Subject = subject,
                Paragraphs = [.. paragraphs],
                Action = new EmailLink("Réserver", links.Absolute("/reservations")),
                MunicipalityId = municipality.Id,
                MunicipalityName = municipality.Name,
                AccountId = account.Id,
            });
        }
        return recipients.Count;
    }
}
