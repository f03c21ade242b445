using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// A family file as JSON for its collectivité's administrators — the file, contacts, fiches sanitaires and the list
/// of documents, as the family's own export has them — so that the collectivité keeps what it needs before retention
/// erases the health data of a family that left. Each export is journalled as a view of the fiches sanitaires.
/// </summary>
public sealed class StaffFamilyExport(FamilyPortalDbContext db, FamilyFileExport files, FileJournal journal, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <param name="family">A family of the current collectivité, read through its query filter.</param>
    public async Task<byte[]> ExportAsync(Family family, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(family);
        var documents = await db.Set<SupportingDocument>().Where(d => d.FamilyId == family.Id).ForExport().ToListAsync(ct);
        var data = new
        {
            exporteLe = time.GetUtcNow(),
            partieLe = family.DepartedOn,
            fichesSanitairesEffaceesLe = family.HealthDataErasedAtUtc,
            dossier = (await files.ForFamiliesAsync([family.Id], ct)).SingleOrDefault(),
            piecesJustificatives = documents,
            messagerie = await MessageExport.ForFamiliesAsync(db, [family.Id], withInternalNotes: true, ct),
        };
        await journal.FamilyExportedAsync(family, ct);
        return JsonSerializer.SerializeToUtf8Bytes(data, Json);
    }
}
