using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// Mail about a family's pièces justificatives, to the address the collectivité registered and to the family's
/// accounts whose address is confirmed. Queued in the caller's DbContext: sent with the change or not at all.
/// </summary>
public sealed class DocumentEmails(EmailOutbox outbox, PublicLinks links)
{
    public const string PagePath = "/mon-dossier/pieces";

    /// <summary>What the mail is about: one document of a family (and child), with its type's name.</summary>
    public sealed record About(int MunicipalityId, int FamilyId, string TypeName, string? ChildName);

    public Task ValidatedAsync(FamilyPortalDbContext db, About about, DateOnly? expiresOn, CancellationToken ct) =>
        SendAsync(db, about, $"Pièce validée : {about.TypeName}",
        [
            $"La pièce « {about.TypeName} »{For(about)} que vous avez déposée a été validée par la collectivité.",
            .. expiresOn is { } day ? [$"Elle est valable jusqu'au {FrenchDates.Numeric(day.AddDays(-1))}."] : Array.Empty<string>(),
        ], ct);

    public Task RefusedAsync(FamilyPortalDbContext db, About about, string reason, CancellationToken ct) =>
        SendAsync(db, about, $"Pièce refusée : {about.TypeName}",
        [
            $"La pièce « {about.TypeName} »{For(about)} que vous avez déposée a été refusée par la collectivité.",
            $"Motif : {reason}",
            "Vous pouvez déposer une nouvelle pièce sur votre espace famille.",
        ], ct);

    public Task ExpiresSoonAsync(FamilyPortalDbContext db, About about, DateOnly expiresOn, CancellationToken ct) =>
        SendAsync(db, about, $"Pièce bientôt expirée : {about.TypeName}",
        [
            $"La pièce « {about.TypeName} »{For(about)} expire le {FrenchDates.Numeric(expiresOn)}.",
            "Pensez à déposer la nouvelle pièce sur votre espace famille avant cette date.",
        ], ct);

    public Task ExpiredAsync(FamilyPortalDbContext db, About about, DateOnly expiredOn, CancellationToken ct) =>
        SendAsync(db, about, $"Pièce expirée : {about.TypeName}",
        [
            $"La pièce « {about.TypeName} »{For(about)} a expiré le {FrenchDates.Numeric(expiredOn)}.",
            "Déposez la nouvelle pièce sur votre espace famille.",
        ], ct);

    private static string For(About about) => about.ChildName is null ? "" : $" de {about.ChildName}";

    private async Task SendAsync(FamilyPortalDbContext db, About about, string subject, IReadOnlyList<string> paragraphs, CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == about.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var family = await db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .Where(f => f.Id == about.FamilyId && f.MunicipalityId == about.MunicipalityId)
            .Select(f => new { f.Email, f.HouseholdName }).SingleAsync(ct);
        var accounts = await (from m in db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
                              join u in db.Users on m.AccountId equals u.Id
                              where m.FamilyId == about.FamilyId && m.MunicipalityId == about.MunicipalityId && u.EmailConfirmed && u.Email != null
                              select u.Email!).ToListAsync(ct);
        var addresses = new[] { family.Email }.Concat(accounts)
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            outbox.Enqueue(db, new OutgoingEmail
            {
                ToAddress = address,
                ToName = family.HouseholdName,
                Subject = $"{subject} – {municipality}",
                Paragraphs = paragraphs,
                Action = new EmailLink("Voir mes pièces justificatives", links.Absolute(PagePath)),
                MunicipalityId = about.MunicipalityId,
                MunicipalityName = municipality,
            });
        }
    }
}
