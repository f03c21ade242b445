using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Messages;

/// <summary>
/// Tells a family that the town hall wrote to it. The mail says nothing of the message — no subject, no text, no
/// name of a child: a mailbox is read by more people and kept longer than the portal — only that there is one, and
/// the link to read it after signing in. Queued in the caller's DbContext: sent with the message or not at all.
/// </summary>
public sealed class MessagesEmails(EmailOutbox outbox, PublicLinks links)
{
    public const string Subject = "Nouveau message de votre mairie";

    public async Task NewStaffMessageAsync(FamilyPortalDbContext db, int municipalityId, int familyId, int threadId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => m.Name).SingleAsync(ct);
        var family = await db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .Where(f => f.Id == familyId && f.MunicipalityId == municipalityId).Select(f => f.Email).SingleAsync(ct);
        var accounts = await (from m in db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
                              join u in db.Users on m.AccountId equals u.Id
                              where m.FamilyId == familyId && m.MunicipalityId == municipalityId && u.EmailConfirmed && u.Email != null
                              select u.Email!).ToListAsync(ct);
        var addresses = new[] { family }.Concat(accounts)
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            outbox.Enqueue(db, new OutgoingEmail
            {
                ToAddress = address,
                Subject = $"{Subject} – {municipality}",
                Paragraphs =
                [
                    "Vous avez reçu un nouveau message de la mairie sur votre espace famille.",
                    "Pour le lire, connectez-vous à votre espace famille : le message n'est pas recopié dans ce courriel.",
                ],
                Action = new EmailLink("Lire le message", links.Absolute(ThreadPath(threadId))),
                MunicipalityId = municipalityId,
                MunicipalityName = municipality,
            });
        }
    }

    public static string ThreadPath(int threadId) => $"/messages/{threadId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
