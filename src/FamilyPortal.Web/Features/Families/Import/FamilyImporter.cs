using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FamilyPortal.Web.Infrastructure.Csv;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Import;

/// <summary>What an import did, kept for its result page.</summary>
public sealed record ImportResult(int FamiliesCreated, int FamiliesUpdated, int FamiliesUnchanged,
    int AdultsAdded, int AdultsUpdated, int ChildrenAdded, int ChildrenUpdated, IReadOnlyList<string> CreatedReferences);

/// <summary>
/// Import of families and children from a CSV file, in the collectivité of the staff member: the file is
/// kept on the server (<see cref="FamilyImportDraft"/>), previewed with every error or change, then
/// imported all at once on confirmation, only as previewed. Adhesion codes of new families are created
/// but not sent.
/// </summary>
public sealed class FamilyImporter(FamilyPortalDbContext db, AdhesionCodeVault vault, CurrentMunicipality current, TimeProvider time)
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxLines = 5000;

    public const string ChangedMeanwhile = "Des familles ont changé depuis l'aperçu (modifiées entre-temps par quelqu'un d'autre) : rien n'a été importé. Voici l'aperçu à jour : vérifiez-le puis confirmez à nouveau.";

    /// <summary>A file read against the stored families: its errors, or what importing it would do.</summary>
    public sealed record Review(ImportedFile File, char Separator, IReadOnlyList<FamilyOutcome> Outcomes, string Fingerprint)
    {
        public bool CanImport => File.Errors.Count == 0 && Outcomes.Count > 0;
        public int Count(ImportAction action) => Outcomes.Count(o => o.Action == action);
        public int AdultsAdded => Outcomes.Sum(o => o.AdultsAdded);
        public int AdultsUpdated => Outcomes.Sum(o => o.AdultsUpdated);
        public int ChildrenAdded => Outcomes.Sum(o => o.ChildrenAdded);
        public int ChildrenUpdated => Outcomes.Sum(o => o.ChildrenUpdated);
    }

    /// <summary>The upload's problem in French, or null when the bytes can be kept.</summary>
    public static string? CheckUpload(long length, ReadOnlySpan<byte> bytes)
    {
        if (length == 0)
        {
            return "Le fichier est vide.";
        }
        if (length > MaxBytes)
        {
            return "Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers.";
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return "Ce fichier n'est pas un fichier CSV : dans votre tableur, choisissez « Enregistrer sous », puis le type « CSV (séparateur : point-virgule) » ou « CSV UTF-8 ».";
        }
        return null;
    }

    /// <summary>Keeps the decoded file for its sender, and forgets their previous preview and the expired ones.</summary>
    public async Task<Guid> KeepAsync(string fileName, byte[] bytes, CancellationToken ct)
    {
        var accountId = current.AccountId ?? throw new InvalidOperationException("A staff member sends the file.");
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - FamilyImportDraft.Lifetime;
        await db.FamilyImportDrafts
            .Where(d => d.CreatedAtUtc < cutoff || (d.AccountId == accountId && d.ImportedAtUtc == null))
            .ExecuteDeleteAsync(ct);
        var (text, encoding) = CsvFile.Decode(bytes);
        var name = new string(Path.GetFileName(fileName ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        var draft = new FamilyImportDraft
        {
            Id = new Guid(RandomNumberGenerator.GetBytes(16)),
            MunicipalityId = current.Id!.Value,
            AccountId = accountId,
            CreatedAtUtc = now,
            FileName = name.Length == 0 ? "fichier.csv" : name.Length > 255 ? name[..255] : name,
            EncodingName = encoding,
            Content = text,
        };
        db.FamilyImportDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    /// <summary>The staff member's own file in their collectivité; null for anyone else's id.</summary>
    public Task<FamilyImportDraft?> FindAsync(Guid id, CancellationToken ct) =>
        db.FamilyImportDrafts.SingleOrDefaultAsync(d => d.Id == id && d.AccountId == current.AccountId, ct);

    public bool IsExpired(FamilyImportDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.CreatedAtUtc + FamilyImportDraft.Lifetime < time.GetUtcNow().UtcDateTime;
    }

    /// <summary>Reads the file and applies it to the stored families in memory: nothing is saved here.</summary>
    public async Task<Review> ReviewAsync(string text, bool tracked, CancellationToken ct)
    {
        var table = CsvFile.Parse(text, MaxLines);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new ImportSite(s.Id, s.Name, s.Prefix, s.IsArchived)).ToListAsync(ct);
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        var file = new FamilyImportReader(sites, today).Read(table);
        if (file.Errors.Count > 0)
        {
            return new Review(file, table.Separator, [], "");
        }
        var stored = await StoredFamiliesAsync(file.Families, tracked, ct);
        var outcomes = file.Families
            .Select(row => FamilyImportMerge.Apply(stored.GetValueOrDefault(ImportText.Key(row.Reference)), row, current.Id!.Value))
            .ToList();
        return new Review(file, table.Separator, outcomes, Fingerprint(outcomes));
    }

    /// <summary>
    /// Imports the kept file in one transaction when it still reads as previewed; otherwise writes
    /// nothing and returns the new preview with the reason.
    /// </summary>
    public async Task<(Review Review, ImportResult? Result, string? Refusal)> ImportAsync(FamilyImportDraft draft, string? fingerprint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var content = draft.Content;
        var review = await ReviewAsync(content, tracked: true, ct);
        if (!review.CanImport)
        {
            return (review, null, null);
        }
        if (review.Fingerprint != fingerprint)
        {
            return (review, null, ChangedMeanwhile);
        }
        foreach (var outcome in review.Outcomes.Where(o => o.Action == ImportAction.Create))
        {
            FamilyFiles.NewCode(outcome.Family, vault);
            db.Families.Add(outcome.Family);
        }
        var result = new ImportResult(
            review.Count(ImportAction.Create), review.Count(ImportAction.Update), review.Count(ImportAction.Unchanged),
            review.AdultsAdded, review.AdultsUpdated, review.ChildrenAdded, review.ChildrenUpdated,
            review.Outcomes.Where(o => o.Action == ImportAction.Create).Select(o => o.Row.Reference).ToList());
        draft.Content = "";
        draft.ImportedAtUtc = time.GetUtcNow().UtcDateTime;
        draft.Result = JsonSerializer.Serialize(result);
        try
        {
            // One SaveChanges: one transaction, all or nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A family saved by someone else meanwhile (version), or a reference taken meanwhile.
            db.ChangeTracker.Clear();
            return (await ReviewAsync(content, tracked: false, ct), null, ChangedMeanwhile);
        }
        return (review, result, null);
    }

    public static ImportResult? ResultOf(FamilyImportDraft draft) =>
        draft?.Result is null ? null : JsonSerializer.Deserialize<ImportResult>(draft.Result);

    /// <summary>The stored families of the file's references, by reference key (case and accents ignored).</summary>
    private async Task<Dictionary<string, Family>> StoredFamiliesAsync(IReadOnlyList<ImportedFamily> rows, bool tracked, CancellationToken ct)
    {
        var keys = rows.Select(r => ImportText.Key(r.Reference)).ToHashSet(StringComparer.Ordinal);
        var references = await db.Families.AsNoTracking().Where(f => f.Reference != null)
            .Select(f => new { f.Id, Reference = f.Reference! }).ToListAsync(ct);
        var ids = references.Where(r => keys.Contains(ImportText.Key(r.Reference)))
            .GroupBy(r => ImportText.Key(r.Reference))
            .Select(g => g.OrderBy(r => r.Id).First().Id)
            .ToList();
        var query = db.Families.Include(f => f.Adults).Include(f => f.Children).AsSplitQuery().Where(f => ids.Contains(f.Id));
        var families = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return families.ToDictionary(f => ImportText.Key(f.Reference), StringComparer.Ordinal);
    }

    private static string Fingerprint(IEnumerable<FamilyOutcome> outcomes)
    {
        var text = string.Join('\n', outcomes.Select(o =>
            $"{o.Row.Reference}|{o.Action}|{o.Family.Id}|{o.AdultsAdded}|{o.AdultsUpdated}|{o.ChildrenAdded}|{o.ChildrenUpdated}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
