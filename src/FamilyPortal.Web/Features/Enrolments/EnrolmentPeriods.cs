using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>A school year or a period an activity enrols children for.</summary>
public sealed record EnrolmentPeriod(string Label, DateOnly Start, DateOnly End);

/// <summary>The years or periods of an activity that have not ended yet, in which a family may ask.</summary>
public sealed class EnrolmentPeriods(FamilyPortalDbContext db, TimeProvider time)
{
    public DateOnly Today => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);

    public async Task<IReadOnlyList<EnrolmentPeriod>> OpenAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var today = Today;
        var settings = activity.Enrolment;
        switch (settings.Mode)
        {
            case EnrolmentMode.SchoolYear:
                return (await db.SchoolYears.AsNoTracking().Where(y => y.EndDate >= today).OrderBy(y => y.StartDate).ToListAsync(ct))
                    .Select(y => new EnrolmentPeriod($"Année scolaire {y.Label}", y.StartDate, y.EndDate)).ToList();
            case EnrolmentMode.Period when settings is { PeriodStart: { } start, PeriodEnd: { } end } && end >= today:
                return [new EnrolmentPeriod(settings.PeriodLabel ?? "Période", start, end)];
            default:
                return [];
        }
    }
}
