using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// Staff work on the deposited documents of the collectivité entered by the request: validate or refuse (the
/// family is emailed in the same save), and the journal line of each opening of a document's content.
/// </summary>
public sealed class DocumentDecisions(FamilyPortalDbContext db, DocumentEmails emails, CurrentMunicipality current, TimeProvider time)
{
    public const string AlreadyDecided = "Cette pièce a déjà été traitée.";
    public const string ReasonMissing = "Indiquez le motif du refus : il est envoyé à la famille.";

    /// <summary>Validates a deposited document; its expiry follows from the type's validity. The problem, or null.</summary>
    public async Task<string?> ValidateAsync(int documentId, CancellationToken ct)
    {
        var document = await LoadAsync(documentId, ct);
        if (document is null || document.Status != DocumentStatus.Deposited)
        {
            return AlreadyDecided;
        }
        var now = time.GetUtcNow();
        document.Status = DocumentStatus.Validated;
        document.ExpiresOn = DocumentStatusText.ExpiryOf(ParisClock.Today(now, ParisClock.Zone), document.Type!.ValidityMonths);
        Decided(document, now.UtcDateTime);
        await emails.ValidatedAsync(db, await AboutAsync(document, ct), document.ExpiresOn, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> RefuseAsync(int documentId, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return ReasonMissing;
        }
        if (reason.Length > SupportingDocuments.RefusalReasonMaxLength)
        {
            return $"Le motif ne doit pas dépasser {SupportingDocuments.RefusalReasonMaxLength} caractères.";
        }
        var document = await LoadAsync(documentId, ct);
        if (document is null || document.Status != DocumentStatus.Deposited)
        {
            return AlreadyDecided;
        }
        document.Status = DocumentStatus.Refused;
        document.RefusalReason = reason;
        Decided(document, time.GetUtcNow().UtcDateTime);
        await emails.RefusedAsync(db, await AboutAsync(document, ct), reason, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>« Pièce … de Lou MARTIN (famille MARTIN) consultée par … »: who opened which family's document, when.</summary>
    public async Task JournalViewAsync(SupportingDocument document, string how, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        var about = await AboutAsync(document, ct);
        var household = await db.Families.Where(f => f.Id == document.FamilyId).Select(f => f.HouseholdName).SingleAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == current.AccountId)
            .Select(u => new { u.UserName, u.FirstName, u.LastName }).SingleAsync(ct);
        var name = $"{staff.FirstName} {staff.LastName}".Trim();
        db.JournalEntries.Add(new JournalEntry
        {
            MunicipalityId = document.MunicipalityId,
            AtUtc = time.GetUtcNow().UtcDateTime,
            ActorAccountId = current.AccountId,
            ActorName = name.Length > 0 ? name : staff.UserName ?? "",
            ActorLogin = staff.UserName,
            ActorIsStaff = true,
            Action = JournalAction.Viewed,
            EntityType = nameof(SupportingDocument),
            EntityKey = document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Summary = $"Pièce justificative « {about.TypeName} »{(about.ChildName is null ? "" : $" de {about.ChildName}")} de la famille {household} {how}",
        });
        await db.SaveChangesAsync(ct);
    }

    private Task<SupportingDocument?> LoadAsync(int documentId, CancellationToken ct) =>
        db.Set<SupportingDocument>().Include(d => d.Type).SingleOrDefaultAsync(d => d.Id == documentId, ct);

    private void Decided(SupportingDocument document, DateTime nowUtc)
    {
        document.DecidedAtUtc = nowUtc;
        document.DecidedByAccountId = current.AccountId;
    }

    private async Task<DocumentEmails.About> AboutAsync(SupportingDocument document, CancellationToken ct)
    {
        var child = document.ChildId is { } childId
            ? await db.Children.Where(c => c.Id == childId).Select(c => c.FirstName + " " + c.LastName).SingleOrDefaultAsync(ct)
            : null;
        var typeName = document.Type?.Name ?? await db.Set<SupportingDocumentType>().Where(t => t.Id == document.TypeId).Select(t => t.Name).SingleAsync(ct);
        return new DocumentEmails.About(document.MunicipalityId, document.FamilyId, typeName, child);
    }
}
