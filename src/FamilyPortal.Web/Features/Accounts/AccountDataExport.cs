using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>« Télécharger mes données » (RGPD, right of access and portability): what the portal holds about the account.</summary>
public sealed class AccountDataExport(FamilyPortalDbContext db, FamilyFileExport familyFiles, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<byte[]> ExportAsync(PortalAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        // Every collectivité of the account, not only the one the request works on.
        var adhesions = await db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(m => m.AccountId == account.Id)
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id)
            .Select(m => new { collectivite = m.Municipality!.Name, foyer = m.Family!.HouseholdName, depuisLe = m.CreatedAtUtc })
            .ToListAsync(ct);
        // The documents are listed with their SHA-256 rather than their content: a file of several megabytes in
        // base64 would make the export heavy to download and to read, and each document is downloaded whole from
        // « Pièces justificatives »; the fingerprint proves which file the collectivité holds.
        var familyIds = await db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(m => m.AccountId == account.Id).Select(m => m.FamilyId).ToListAsync(ct);
        var documents = await db.Set<SupportingDocument>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(d => familyIds.Contains(d.FamilyId)).ForExport().ToListAsync(ct);
        var piecesJustificatives = documents
            .Select(d => d with { ContentNote = "Téléchargeable depuis « Pièces justificatives » (non inclus ici ; l'empreinte SHA-256 identifie le fichier)." })
            .ToList();
        var data = new
        {
            exporteLe = time.GetUtcNow(),
            compte = new
            {
                identifiant = account.UserName,
                nomDuFoyer = account.HouseholdName,
                civilite = account.Civility,
                nom = account.LastName,
                prenom = account.FirstName,
                notification = account.NotificationChannel,
                telephonePrincipal = account.PhoneNumber,
                telephoneSecondaire = account.SecondaryPhone,
                emailPrincipal = account.Email,
                emailConfirme = account.EmailConfirmed,
                emailSecondaire = account.SecondaryEmail,
                questionSecrete = account.SecretQuestion,
                creeLe = account.CreatedAtUtc,
            },
            adhesions,
            dossiersFamille = await familyFiles.ForAccountAsync(account.Id, ct),
            reservations = Array.Empty<object>(),
            piecesJustificatives,
            messagerie = await MessageExport.ForFamiliesAsync(db, familyIds, withInternalNotes: false, ct),
        };
        return JsonSerializer.SerializeToUtf8Bytes(data, Json);
    }
}
