using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// « Dossier famille confirmé pour l'année », when the activity asks for it: while the school year of the period
/// is under « Mise à jour des dossiers », the family must have confirmed its file for that year.
/// </summary>
public sealed class ConfirmedFileCondition(FamilyPortalDbContext db) : IEnrolmentCondition
{
    public async Task<string?> RefusalAsync(Child child, Activity activity, EnrolmentPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(period);
        if (!activity.Enrolment.RequireConfirmedFile)
        {
            return null;
        }
        var year = await db.SchoolYears.AsNoTracking()
            .Where(y => y.FileUpdateRequired && y.StartDate <= period.Start && y.EndDate >= period.Start
                && !db.FamilyFileConfirmations.Any(c => c.FamilyId == child.FamilyId && c.SchoolYearId == y.Id))
            .Select(y => y.Label).FirstOrDefaultAsync(ct);
        return year is null ? null
            : $"le dossier famille n'est pas confirmé pour l'année {year} : vérifiez-le et confirmez-le dans « Mon dossier famille »";
    }
}

/// <summary>
/// « Pièces requises valides », when the activity asks for it: every pièce justificative the collectivité asks
/// for the activity's service (for the family, or for this child) must be validated and not expired.
/// </summary>
public sealed class ValidDocumentsCondition(FamilyPortalDbContext db, SupportingDocuments documents) : IEnrolmentCondition
{
    public async Task<string?> RefusalAsync(Child child, Activity activity, EnrolmentPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(period);
        if (!activity.Enrolment.RequireValidDocuments)
        {
            return null;
        }
        var service = await db.ServiceKinds.AsNoTracking().Where(s => s.Id == activity.ServiceKindId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var missing = (await documents.RequirementsAsync(child.FamilyId, ct))
            .Where(r => (r.ChildId is null || r.ChildId == child.Id) && (r.Services.Count == 0 || r.Services.Contains(service ?? "")))
            .Where(r => r.Status != DocumentStatus.Validated || r.Document?.ExpiresOn <= period.Start)
            .Select(r => r.TypeName).Distinct().ToList();
        return missing.Count == 0 ? null
            : $"pièces justificatives à fournir ou en attente de validation : {string.Join(", ", missing)} (« Mon dossier famille », « Pièces justificatives »)";
    }
}
