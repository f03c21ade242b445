using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// « Mise à jour des dossiers »: for a school year staff open it for, each family confirms its file before
/// booking in that year.
/// </summary>
public sealed class FileConfirmations(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time)
{
    public const string MustConfirm = "dossier famille à confirmer";

    /// <summary>The first year under update (today's or a later one) the family has not confirmed yet, or null.</summary>
    public async Task<SchoolYear?> YearToConfirmAsync(int familyId, CancellationToken ct)
    {
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        return await db.SchoolYears.AsNoTracking()
            .Where(y => y.FileUpdateRequired && y.EndDate >= today
                && !db.FamilyFileConfirmations.Any(c => c.FamilyId == familyId && c.SchoolYearId == y.Id))
            .OrderBy(y => y.StartDate).FirstOrDefaultAsync(ct);
    }

    /// <summary>The years under update the family has not confirmed: bookings on their days are refused.</summary>
    public async Task<IReadOnlyList<(DateOnly Start, DateOnly End)>> UnconfirmedYearsAsync(int familyId, CancellationToken ct)
    {
        var years = await db.SchoolYears.AsNoTracking()
            .Where(y => y.FileUpdateRequired && !db.FamilyFileConfirmations.Any(c => c.FamilyId == familyId && c.SchoolYearId == y.Id))
            .Select(y => new { y.StartDate, y.EndDate }).ToListAsync(ct);
        return years.Select(y => (y.StartDate, y.EndDate)).ToList();
    }

    public async Task ConfirmAsync(int familyId, int schoolYearId, CancellationToken ct)
    {
        if (await db.FamilyFileConfirmations.AnyAsync(c => c.FamilyId == familyId && c.SchoolYearId == schoolYearId, ct))
        {
            return;
        }
        db.FamilyFileConfirmations.Add(new FamilyFileConfirmation
        {
            MunicipalityId = current.Id!.Value,
            FamilyId = familyId,
            SchoolYearId = schoolYearId,
            AccountId = current.AccountId,
            ConfirmedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two accounts of the family confirmed at the same moment: one row is enough.
            db.ChangeTracker.Clear();
        }
    }
}
