using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages;

/// <summary>A thread as one side reads it: families never get the internal notes, and the staff's names are the town hall's.</summary>
public sealed record ThreadView(int Id, int FamilyId, string Family, string Subject, ThreadStatus Status, string? AssignedAccountId,
    IReadOnlyList<ThreadView.Line> Messages, string AttachmentPath)
{
    public sealed record Line(int Id, bool FromStaff, string Author, DateTime SentAtUtc, string Text, bool IsInternalNote, bool Unread, string? AttachmentName);

    /// <param name="familyId">For a family: only its own thread, without internal notes. Null for staff.</param>
    /// <param name="townHall">How a family sees the staff's messages signed.</param>
    public static async Task<ThreadView?> LoadAsync(FamilyPortalDbContext db, int threadId, int? familyId, string townHall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var thread = await db.Set<MessageThread>().AsNoTracking()
            .Where(t => t.Id == threadId && (familyId == null || t.FamilyId == familyId))
            .Select(t => new { t.Id, t.FamilyId, t.Subject, t.Status, t.AssignedAccountId })
            .SingleOrDefaultAsync(ct);
        if (thread is null)
        {
            return null;
        }
        var family = await db.Families.AsNoTracking().Where(f => f.Id == thread.FamilyId).Select(f => f.HouseholdName).SingleAsync(ct);
        var forFamily = familyId is not null;
        var messages = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ThreadId == threadId && (!forFamily || !m.IsInternalNote))
            .OrderBy(m => m.SentAtUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.AuthorSide, m.AuthorName, m.SentAtUtc, m.Text, m.IsInternalNote, m.ReadByFamilyAtUtc, m.ReadByStaffAtUtc, m.AttachmentName })
            .ToListAsync(ct);
        var lines = messages.Select(m =>
        {
            var fromStaff = m.AuthorSide == MessageSide.Staff;
            var author = fromStaff && forFamily ? townHall : m.AuthorName;
            var unread = forFamily ? fromStaff && m.ReadByFamilyAtUtc == null : !fromStaff && m.ReadByStaffAtUtc == null;
            return new Line(m.Id, fromStaff, author, m.SentAtUtc, m.Text, m.IsInternalNote, unread, m.AttachmentName);
        }).ToList();
        var path = forFamily ? MessagesEmails.ThreadPath(threadId) : "/admin" + MessagesEmails.ThreadPath(threadId);
        return new ThreadView(thread.Id, thread.FamilyId, family, thread.Subject, thread.Status, thread.AssignedAccountId, lines, path + "/Attachment");
    }
}
