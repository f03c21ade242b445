using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// The staff side of family files, in the collectivité entered by the request: search, and the adhesion
/// code (new code, email to the registered address). Callers save.
/// </summary>
public sealed class FamilyFiles(FamilyPortalDbContext db, AdhesionCodeVault vault, EmailOutbox outbox, PublicLinks links)
{
    public sealed record Hit(int Id, string HouseholdName, string? Reference, string Email, IReadOnlyList<string> Children, IReadOnlyList<string> Adults);

    /// <summary>By household name, reference, child or responsable's name, email (the family's or a responsable's), or the family's exact adhesion code.</summary>
    public async Task<IReadOnlyList<Hit>> SearchAsync(string? text, CancellationToken ct)
    {
        var query = db.Families.AsNoTracking();
        var term = text?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var lookup = AdhesionCode.Normalize(term) is { } code ? vault.Lookup(code) : null;
            var like = $"%{term.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(f => f.AdhesionCodeLookup == lookup
                || EF.Functions.Like(f.HouseholdName, like) || EF.Functions.Like(f.Email, like)
                || (f.Reference != null && EF.Functions.Like(f.Reference, like))
                || f.Children.Any(c => EF.Functions.Like(c.FirstName, like) || EF.Functions.Like(c.LastName, like)
                    || EF.Functions.Like(c.FirstName + " " + c.LastName, like))
                || f.Adults.Any(a => EF.Functions.Like(a.FirstName, like) || EF.Functions.Like(a.LastName, like)
                    || EF.Functions.Like(a.FirstName + " " + a.LastName, like) || (a.Email != null && EF.Functions.Like(a.Email, like))));
        }
        var rows = await query.OrderBy(f => f.HouseholdName).ThenBy(f => f.Id).Take(50)
            .Select(f => new
            {
                f.Id,
                f.HouseholdName,
                f.Reference,
                f.Email,
                Children = f.Children.OrderBy(c => c.FirstName).Select(c => c.FirstName + " " + c.LastName).ToList(),
                Adults = f.Adults.OrderBy(a => a.Position).ThenBy(a => a.Id).Select(a => a.FirstName + " " + a.LastName).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new Hit(r.Id, r.HouseholdName, r.Reference, r.Email, r.Children, r.Adults)).ToList();
    }

    /// <summary>A new code for the family; the old one stops working at once.</summary>
    public static void NewCode(Family family, AdhesionCodeVault vault)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(vault);
        vault.Assign(family, AdhesionCode.Generate());
    }

    public string Reveal(Family family) => vault.Reveal(family.AdhesionCodeProtected);

    /// <summary>The code, only ever to the address the collectivité registered for the family.</summary>
    public async Task EmailCodeAsync(Family family, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(family);
        var municipalityName = await db.Municipalities.Where(m => m.Id == family.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = family.Email,
            ToName = family.HouseholdName,
            Subject = $"Votre code d'adhésion – {municipalityName}",
            Paragraphs =
            [
                $"La collectivité {municipalityName} vous a enregistré sous le foyer {family.HouseholdName}.",
                $"Votre code d'adhésion, personnel et propre à votre famille : {Reveal(family)}",
                "Pour l'utiliser : connectez-vous à votre espace, cliquez sur « Mes réservations », puis sur « Cliquez ici pour gérer vos abonnements », saisissez ce code et cliquez sur « Valider ».",
                "Ne communiquez ce code à personne d'autre que les responsables de l'enfant.",
            ],
            Action = new EmailLink("Gérer mes abonnements", links.Absolute("/adhesions")),
            MunicipalityId = family.MunicipalityId,
            MunicipalityName = municipalityName,
        });
    }
}
