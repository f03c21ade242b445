using FamilyPortal.Web.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>What of the collectivité every grid and basket request reads, and only staff change.</summary>
public sealed record ReferenceCalendarData(
    HolidayCalendar Holidays,
    IReadOnlyList<SchoolYear> SchoolYears,
    IReadOnlyList<Closure> Closures,
    IReadOnlyList<Activity> OpenActivities);

/// <summary>
/// The current collectivité's <see cref="ReferenceCalendarData"/>, read from the database once per server and
/// kept until staff change it (<see cref="ReferenceDataVersion"/>, stamped by every such save), then once per
/// request. The values are shared by every request of the server: they are read, never changed or attached.
/// </summary>
public sealed class ReferenceCalendar(FamilyPortalDbContext db, ReferenceDataVersion versions)
{
    private ReferenceCalendarData? _read;

    public async Task<ReferenceCalendarData> GetAsync(CancellationToken ct)
    {
        if (_read is null)
        {
            _read = db.CurrentMunicipalityId is { } municipalityId
                ? await versions.GetOrLoadAsync(municipalityId, nameof(ReferenceCalendar), LoadAsync, ct)
                : await LoadAsync(ct);
        }
        return _read;
    }

    private async Task<ReferenceCalendarData> LoadAsync(CancellationToken ct)
    {
        var holidays = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == db.CurrentMunicipalityId).Select(m => m.Holidays).SingleOrDefaultAsync(ct);
        var years = await db.SchoolYears.AsNoTracking().OrderBy(y => y.StartDate).ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking().OrderBy(c => c.StartDate).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Include(a => a.Site).Include(a => a.ServiceKind)
            .Where(a => !a.IsArchived)
            .OrderBy(a => a.SiteId).ThenBy(a => a.SortOrder).ThenBy(a => a.Label)
            .ToListAsync(ct);
        return new ReferenceCalendarData(holidays, years, closures, activities);
    }
}
