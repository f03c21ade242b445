using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// A family's pièces justificatives in the collectivité entered by the request: what is asked (each active type,
/// once for the family or once per child) with the latest document deposited for it; deposits; the sealed content.
/// </summary>
public sealed class SupportingDocuments(FamilyPortalDbContext db, SensitiveData sensitive, TimeProvider time)
{
    public const int RefusalReasonMaxLength = 500;

    /// <summary>The type is not one of the collectivité's, or the child not one of the family's: the page answers 404.</summary>
    public const string NotFound = "";

    public sealed record Latest(int Id, DocumentStatus Status, string? RefusalReason, DateOnly? ExpiresOn, DateTime UploadedAtUtc, string FileName);

    /// <summary>One thing the collectivité asks of the family, and where it stands.</summary>
    public sealed record Requirement(int TypeId, string TypeName, IReadOnlyList<string> Services, int? ChildId, string? ChildName, Latest? Document)
    {
        public DocumentStatus? Status => Document?.Status;
        public bool IsMissing => DocumentStatusText.IsMissing(Status);
        public string Label => ChildName is null ? TypeName : $"{TypeName} – {ChildName}";
    }

    public async Task<IReadOnlyList<Requirement>> RequirementsAsync(int familyId, CancellationToken ct)
    {
        var types = await db.Set<SupportingDocumentType>().AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.PerChild).ThenBy(t => t.Name).ToListAsync(ct);
        if (types.Count == 0)
        {
            return [];
        }
        var services = await db.ServiceKinds.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var children = await db.Children.AsNoTracking().Where(c => c.FamilyId == familyId).OrderBy(c => c.FirstName)
            .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName }).ToListAsync(ct);
        var documents = await db.Set<SupportingDocument>().AsNoTracking().Where(d => d.FamilyId == familyId)
            .Select(d => new { d.TypeId, d.ChildId, Latest = new Latest(d.Id, d.Status, d.RefusalReason, d.ExpiresOn, d.UploadedAtUtc, d.FileName) })
            .ToListAsync(ct);
        Latest? LatestOf(int typeId, int? childId) => documents.Where(d => d.TypeId == typeId && d.ChildId == childId)
            .Select(d => d.Latest).OrderByDescending(d => d.UploadedAtUtc).ThenByDescending(d => d.Id).FirstOrDefault();
        var childIds = children.Select(c => c.Id).ToList();
        var withPai = await db.HealthRecords.AsNoTracking().Where(h => h.HasPai && childIds.Contains(h.ChildId)).Select(h => h.ChildId).ToListAsync(ct);
        // The PAI's document is asked of the children who have one, and stays listed once deposited.
        bool Asked(SupportingDocumentType type, int childId) =>
            !type.IsPaiDocument || withPai.Contains(childId) || documents.Any(d => d.TypeId == type.Id && d.ChildId == childId);
        var list = new List<Requirement>();
        foreach (var type in types)
        {
            var names = type.ServiceKindIds.Select(id => services.GetValueOrDefault(id)).OfType<string>().Order(StringComparer.Ordinal).ToList();
            if (!type.PerChild)
            {
                list.Add(new Requirement(type.Id, type.Name, names, null, null, LatestOf(type.Id, null)));
                continue;
            }
            list.AddRange(children.Where(child => Asked(type, child.Id)).Select(child => new Requirement(type.Id, type.Name, names, child.Id, child.Name, LatestOf(type.Id, child.Id))));
        }
        return list;
    }

    /// <summary>Where a child's PAI document stands: whether the collectivité asks one (an active type is the PAI's) and the latest deposited.</summary>
    public sealed record PaiDocument(int? TypeId, string? TypeName, Latest? Document)
    {
        public bool Asked => TypeId is not null;
    }

    public async Task<PaiDocument> PaiDocumentAsync(int childId, CancellationToken ct)
    {
        var type = await db.Set<SupportingDocumentType>().AsNoTracking().Where(t => t.IsPaiDocument && t.IsActive)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
        if (type is null)
        {
            return new PaiDocument(null, null, null);
        }
        var latest = await db.Set<SupportingDocument>().AsNoTracking().Where(d => d.TypeId == type.Id && d.ChildId == childId)
            .OrderByDescending(d => d.UploadedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new Latest(d.Id, d.Status, d.RefusalReason, d.ExpiresOn, d.UploadedAtUtc, d.FileName)).FirstOrDefaultAsync(ct);
        return new PaiDocument(type.Id, type.Name, latest);
    }

    /// <summary>The type is an active one of the collectivité, and the child (when named) one of the family.</summary>
    public async Task<bool> TargetExistsAsync(int familyId, int typeId, int? childId, CancellationToken ct) =>
        await db.Set<SupportingDocumentType>().AnyAsync(t => t.Id == typeId && t.IsActive, ct)
        && (childId is not { } id || await db.Children.AnyAsync(c => c.Id == id && c.FamilyId == familyId, ct));

    /// <summary>
    /// Stores the prepared file for the type (and the child, for a per-child type) of the family. A document
    /// still waiting for its validation is replaced by the new one. Returns the French problem, or null.
    /// </summary>
    public async Task<string?> DepositAsync(int municipalityId, int familyId, int typeId, int? childId, PreparedFile file, string? accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var type = await db.Set<SupportingDocumentType>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.IsActive, ct);
        if (type is null || (childId is { } id && !await db.Children.AnyAsync(c => c.Id == id && c.FamilyId == familyId, ct)))
        {
            return NotFound;
        }
        if (type.PerChild != (childId is not null))
        {
            return "Choisissez l'enfant concerné par cette pièce.";
        }
        var waiting = await db.Set<SupportingDocument>()
            .Where(d => d.FamilyId == familyId && d.TypeId == typeId && d.ChildId == childId && d.Status == DocumentStatus.Deposited)
            .ToListAsync(ct);
        db.RemoveRange(waiting);
        db.Add(new SupportingDocument
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            ChildId = childId,
            TypeId = typeId,
            Status = DocumentStatus.Deposited,
            UploadedAtUtc = time.GetUtcNow().UtcDateTime,
            UploadedByAccountId = accountId,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Content.LongLength,
            Sha256 = file.Sha256,
            SealedContent = sensitive.Seal(file.Content),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A document with its clear content; for a parent only one of their family (null otherwise).</summary>
    public async Task<(SupportingDocument Document, byte[] Content)?> OpenAsync(int documentId, int? familyId, CancellationToken ct)
    {
        var document = await db.Set<SupportingDocument>().AsNoTracking().Include(d => d.Type)
            .SingleOrDefaultAsync(d => d.Id == documentId && (familyId == null || d.FamilyId == familyId), ct);
        return document is null ? null : (document, sensitive.Open(document.SealedContent));
    }
}
