using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages;

/// <summary>
/// The threads of families as the data exports list them: subject, status, each message's author, date and text,
/// and an attachment's name and fingerprint (its content stays on the thread's page, as for the pièces justificatives).
/// </summary>
public static class MessageExport
{
    /// <param name="familyIds">Families the caller may read, whatever the collectivité.</param>
    /// <param name="withInternalNotes">The collectivité's own export; a family's never holds the internal notes.</param>
    public static async Task<IReadOnlyList<object>> ForFamiliesAsync(FamilyPortalDbContext db, IReadOnlyCollection<int> familyIds, bool withInternalNotes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var threads = await db.Set<MessageThread>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .Where(t => familyIds.Contains(t.FamilyId))
            .OrderBy(t => t.CreatedAtUtc).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Subject, t.Status, t.CreatedAtUtc, t.UpdatedAtUtc })
            .ToListAsync(ct);
        var threadIds = threads.Select(t => t.Id).ToList();
        var messages = await db.Set<Message>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .Where(m => threadIds.Contains(m.ThreadId) && (withInternalNotes || !m.IsInternalNote))
            .OrderBy(m => m.SentAtUtc).ThenBy(m => m.Id)
            .Select(m => new { m.ThreadId, m.AuthorSide, m.AuthorName, m.SentAtUtc, m.Text, m.IsInternalNote, m.AttachmentName, m.AttachmentContentType, m.AttachmentSize, m.AttachmentSha256 })
            .ToListAsync(ct);
        return threads.Select(t => (object)new
        {
            sujet = t.Subject,
            etat = ThreadStatuses.Label(t.Status),
            ouverteLe = t.CreatedAtUtc,
            dernierMessageLe = t.UpdatedAtUtc,
            messages = messages.Where(m => m.ThreadId == t.Id).Select(m => new
            {
                de = m.AuthorSide == MessageSide.Staff ? "mairie" : "famille",
                auteur = withInternalNotes || m.AuthorSide == MessageSide.Parent ? m.AuthorName : null,
                envoyeLe = m.SentAtUtc,
                texte = m.Text,
                noteInterne = withInternalNotes ? m.IsInternalNote : (bool?)null,
                pieceJointe = m.AttachmentName is null ? null : new { fichier = m.AttachmentName, typeDeContenu = m.AttachmentContentType, taille = m.AttachmentSize, sha256 = m.AttachmentSha256 },
            }).ToList(),
        }).ToList();
    }
}
