using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// A messagerie thread of the test family — the family's question, the town hall's answer with an attachment, an
/// internal note — and a subject of the collectivité, so that the tenancy and isolation tests see every kind of row.
/// </summary>
public static class MessageRows
{
    public const string InternalNoteText = "Note interne de la mairie sur cette famille";

    public static async Task AddAsync(IServiceProvider services, FamilyPortalDbContext db, int municipalityId, int familyId)
    {
        var sensitive = services.GetRequiredService<SensitiveData>();
        var at = new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc);
        db.Add(new MessageSubject { MunicipalityId = municipalityId, Name = "Restauration scolaire" });
        var thread = new MessageThread { MunicipalityId = municipalityId, FamilyId = familyId, Subject = "Restauration scolaire", CreatedAtUtc = at, UpdatedAtUtc = at };
        thread.Messages.Add(new Message
        {
            MunicipalityId = municipalityId,
            AuthorSide = MessageSide.Parent,
            AuthorName = "Camille MARTIN",
            Text = "Question de la famille",
            SentAtUtc = at,
            ReadByFamilyAtUtc = at,
            ReadByStaffAtUtc = at,
        });
        thread.Messages.Add(new Message
        {
            MunicipalityId = municipalityId,
            AuthorSide = MessageSide.Staff,
            AuthorName = "Claire AGENT",
            Text = "Réponse de la mairie",
            SentAtUtc = at.AddHours(1),
            ReadByStaffAtUtc = at.AddHours(1),
            ReadByFamilyAtUtc = at.AddHours(2),
            AttachmentName = "reponse.pdf",
            AttachmentContentType = "application/pdf",
            AttachmentSize = 14,
            AttachmentSha256 = "",
            AttachmentSealed = sensitive.Seal("%PDF-1.4 %%EOF"u8),
        });
        thread.Messages.Add(new Message
        {
            MunicipalityId = municipalityId,
            AuthorSide = MessageSide.Staff,
            AuthorName = "Claire AGENT",
            IsInternalNote = true,
            Text = InternalNoteText,
            SentAtUtc = at.AddHours(3),
            ReadByStaffAtUtc = at.AddHours(3),
            AttachmentName = "note.pdf",
            AttachmentContentType = "application/pdf",
            AttachmentSize = 14,
            AttachmentSha256 = "",
            AttachmentSealed = sensitive.Seal("%PDF-1.4 %%EOF"u8),
        });
        db.Add(thread);
        await db.SaveChangesAsync();
    }
}
