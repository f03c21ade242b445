using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FamilyPortal.Web.Infrastructure.ReferenceData;

/// <summary>
/// Every save that adds, changes or removes a collectivité's reference data (activities, sites, services, school
/// years, closures, the collectivité itself) gives that collectivité a new <see cref="ReferenceDataStamp"/> in the
/// same save, so the change and the end of every server's cached copy commit together, whatever page made it.
/// A collectivité gets its stamp row when it is made (existing ones by a migration), so racing saves only
/// ever update the row.
/// </summary>
public sealed class ReferenceDataStampInterceptor : SaveChangesInterceptor
{
    public static readonly ReferenceDataStampInterceptor Instance = new();

    private static readonly HashSet<Type> ReferenceTypes =
        [typeof(Activity), typeof(Site), typeof(ServiceKind), typeof(SchoolYear), typeof(Closure), typeof(Municipality)];

    private ReferenceDataStampInterceptor()
    {
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is FamilyPortalDbContext db && TracksReferenceData(db))
        {
            using var detected = DetectOnce(db);
            foreach (var municipalityId in ChangedMunicipalities(db))
            {
                Stamp(db, municipalityId, await StampRow(db, municipalityId).SingleOrDefaultAsync(cancellationToken));
            }
            StampNewMunicipalities(db);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is FamilyPortalDbContext db && TracksReferenceData(db))
        {
            using var detected = DetectOnce(db);
            foreach (var municipalityId in ChangedMunicipalities(db))
            {
                Stamp(db, municipalityId, StampRow(db, municipalityId).SingleOrDefault());
            }
            StampNewMunicipalities(db);
        }
        return result;
    }

    /// <summary>
    /// Whether the context tracks any reference data at all, read without detecting changes: a save of a thousand
    /// bookings (« Valider » a school year) tracks none, and each detection walks every tracked entity again.
    /// An entity of those types whose change is not detected yet is tracked all the same, so none is missed (the
    /// portal adds reference data through its sets, never only through a navigation of an entity tracked before).
    /// </summary>
    private static bool TracksReferenceData(FamilyPortalDbContext db)
    {
        using var undetected = new DetectionPaused(db.ChangeTracker);
        return db.ChangeTracker.Entries().Any(e => ReferenceTypes.Contains(e.Metadata.ClrType));
    }

    /// <summary>
    /// Detects the changes once, then lists and stamps them without detecting again: each listing of the tracked
    /// entities would otherwise walk them all anew (the save detects once more after the stamps, as always).
    /// </summary>
    private static DetectionPaused DetectOnce(FamilyPortalDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return new DetectionPaused(db.ChangeTracker);
    }

    private sealed class DetectionPaused : IDisposable
    {
        private readonly ChangeTracker _tracker;
        private readonly bool _detecting;

        public DetectionPaused(ChangeTracker tracker)
        {
            _tracker = tracker;
            _detecting = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
        }

        public void Dispose() => _tracker.AutoDetectChangesEnabled = _detecting;
    }

    private static List<int> ChangedMunicipalities(FamilyPortalDbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ReferenceTypes.Contains(e.Metadata.ClrType))
            .Select(e => e.Entity switch
            {
                // A collectivité removed takes its stamp with it.
                Municipality when e.State == EntityState.Deleted => 0,
                Municipality municipality => municipality.Id,
                ITenantOwned owned => owned.MunicipalityId,
                _ => 0,
            })
            // A collectivité being created has no id yet: nothing of it can be cached.
            .Where(id => id > 0)
            .Distinct()
            .ToList();

    private static void StampNewMunicipalities(FamilyPortalDbContext db)
    {
        var stamped = db.ReferenceDataStamps.Local.Select(s => s.Municipality).ToHashSet();
        var added = db.ChangeTracker.Entries<Municipality>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var municipality in added.Where(m => !stamped.Contains(m)))
        {
            db.ReferenceDataStamps.Add(new ReferenceDataStamp { Municipality = municipality, Version = NewStamp() });
        }
    }

    private static IQueryable<ReferenceDataStamp> StampRow(FamilyPortalDbContext db, int municipalityId) =>
        db.ReferenceDataStamps.Where(s => s.MunicipalityId == municipalityId);

    private static void Stamp(FamilyPortalDbContext db, int municipalityId, ReferenceDataStamp? row)
    {
        db.ReferenceDataStamped = true;
        if (row is null)
        {
            db.ReferenceDataStamps.Add(new ReferenceDataStamp { MunicipalityId = municipalityId, Version = NewStamp() });
        }
        else
        {
            row.Version = NewStamp();
        }
    }

    /// <summary>
    /// A new random value rather than version + 1: two staff saves racing on two servers then never both write
    /// the same value, so no copy cached between them can pass for current.
    /// </summary>
    private static long NewStamp() =>
        (RandomNumberGenerator.GetInt32(1, int.MaxValue) * (long)int.MaxValue) + RandomNumberGenerator.GetInt32(int.MaxValue);
}
