using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages;

/// <summary>
/// The messagerie of the collectivité entered by the request: its subjects, new threads and messages (with the
/// family's mail when the town hall writes), the read marks of each side, and the sealed attachments.
/// </summary>
public sealed class Messaging(FamilyPortalDbContext db, SensitiveData sensitive, MessagesEmails emails, TimeProvider time)
{
    /// <summary>Who writes: the side, the account and the name the thread shows.</summary>
    public sealed record Author(MessageSide Side, string AccountId, string Name);

    /// <summary>The collectivité's subjects in their order, or the default ones while it has written none.</summary>
    public async Task<IReadOnlyList<string>> SubjectsAsync(CancellationToken ct)
    {
        var names = await db.Set<MessageSubject>().AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Name).ToListAsync(ct);
        return names.Count > 0 ? names : MessageRules.DefaultSubjects;
    }

    /// <summary>Replaces the collectivité's list of subjects. The threads keep the subject they were written on.</summary>
    public async Task SaveSubjectsAsync(int municipalityId, IReadOnlyList<string> names, CancellationToken ct)
    {
        var existing = await db.Set<MessageSubject>().ToListAsync(ct);
        db.RemoveRange(existing.Where(s => !names.Contains(s.Name, StringComparer.OrdinalIgnoreCase)));
        for (var i = 0; i < names.Count; i++)
        {
            var kept = existing.FirstOrDefault(s => string.Equals(s.Name, names[i], StringComparison.OrdinalIgnoreCase));
            if (kept is null)
            {
                db.Add(new MessageSubject { MunicipalityId = municipalityId, Name = names[i], SortOrder = i });
            }
            else
            {
                kept.Name = names[i];
                kept.SortOrder = i;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new thread with its first message; the family is mailed when the town hall starts it.</summary>
    public async Task<int> StartAsync(int municipalityId, int familyId, string subject, Author author, string text, PreparedFile? file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(author);
        var now = time.GetUtcNow().UtcDateTime;
        var thread = new MessageThread
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            Subject = subject,
            Status = author.Side == MessageSide.Staff ? ThreadStatus.InProgress : ThreadStatus.New,
            StartedByStaff = author.Side == MessageSide.Staff,
            AssignedAccountId = author.Side == MessageSide.Staff ? author.AccountId : null,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        thread.Messages.Add(NewMessage(municipalityId, author, text, internalNote: false, file, now));
        db.Add(thread);
        await db.SaveChangesAsync(ct);
        if (author.Side == MessageSide.Staff)
        {
            // The thread's id is in the mail's link: queued once the thread has it, in a second save of the same work.
            await emails.NewStaffMessageAsync(db, municipalityId, familyId, thread.Id, ct);
            await db.SaveChangesAsync(ct);
        }
        return thread.Id;
    }

    /// <summary>A reply or an internal note on a tracked thread; the family is mailed of a town hall's reply.</summary>
    public async Task AddAsync(MessageThread thread, Author author, string text, bool internalNote, PreparedFile? file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(author);
        var now = time.GetUtcNow().UtcDateTime;
        var note = internalNote && author.Side == MessageSide.Staff;
        var message = NewMessage(thread.MunicipalityId, author, text, note, file, now);
        message.ThreadId = thread.Id;
        db.Add(message);
        thread.Status = ThreadStatuses.After(thread.Status, author.Side, note);
        thread.UpdatedAtUtc = now;
        if (author.Side == MessageSide.Staff && !note)
        {
            await emails.NewStaffMessageAsync(db, thread.MunicipalityId, thread.FamilyId, thread.Id, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private Message NewMessage(int municipalityId, Author author, string text, bool internalNote, PreparedFile? file, DateTime now) => new()
    {
        MunicipalityId = municipalityId,
        AuthorSide = author.Side,
        AuthorAccountId = author.AccountId,
        AuthorName = author.Name.Length > 200 ? author.Name[..200] : author.Name,
        Text = text,
        IsInternalNote = internalNote,
        SentAtUtc = now,
        ReadByFamilyAtUtc = author.Side == MessageSide.Parent ? now : null,
        ReadByStaffAtUtc = author.Side == MessageSide.Staff ? now : null,
        AttachmentName = file?.FileName,
        AttachmentContentType = file?.ContentType,
        AttachmentSize = file?.Content.LongLength,
        AttachmentSha256 = file?.Sha256,
        AttachmentSealed = file is null ? null : sensitive.Seal(file.Content),
    };

    /// <summary>
    /// The side has now read the thread's messages of the other side. A mark, not a change anybody made: written
    /// directly, outside the journal, as the page shows the thread.
    /// </summary>
    public async Task MarkReadAsync(int threadId, MessageSide reader, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var messages = db.Set<Message>().Where(m => m.ThreadId == threadId);
        if (reader == MessageSide.Parent)
        {
            await messages.Where(m => m.AuthorSide == MessageSide.Staff && !m.IsInternalNote && m.ReadByFamilyAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadByFamilyAtUtc, now), ct);
        }
        else
        {
            await messages.Where(m => m.AuthorSide == MessageSide.Parent && m.ReadByStaffAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadByStaffAtUtc, now), ct);
        }
    }

    /// <summary>A message's attachment, clear; for a family only of its own thread and never of an internal note.</summary>
    public async Task<(string Name, byte[] Content)?> AttachmentAsync(int threadId, int messageId, int? familyId, CancellationToken ct)
    {
        var found = await db.Set<Message>().AsNoTracking()
            .Where(m => m.Id == messageId && m.ThreadId == threadId && m.AttachmentSealed != null)
            .Where(m => familyId == null || (!m.IsInternalNote && db.Set<MessageThread>().Any(t => t.Id == threadId && t.FamilyId == familyId)))
            .Select(m => new { m.AttachmentName, m.AttachmentSealed }).SingleOrDefaultAsync(ct);
        return found is null ? null : (found.AttachmentName!, sensitive.Open(found.AttachmentSealed!));
    }
}
