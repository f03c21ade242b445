using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace FamilyPortal.Web.Infrastructure.ReferenceData;

/// <summary>
/// Invalidation of in-process caches for every portal server: what staff change is stamped with a
/// per-collectivité version row in the database (<see cref="BumpAsync"/>, in the change's transaction), and a
/// cached value is kept under the version it was read at (<see cref="GetOrLoadAsync{T}"/>). A server reads the
/// version (one row by its key) before using its copy, so a change made through any server is seen by all at
/// their next read. Plain EF Core: a conditional update, and an insert whose primary key settles a race.
/// </summary>
public sealed class ReferenceDataVersion(FamilyPortalDbContext db, IMemoryCache cache)
{
    private const int Attempts = 3;

    private IQueryable<ReferenceDataStamp> Stamp(int municipalityId) =>
        db.ReferenceDataStamps.AsNoTracking().Where(s => s.MunicipalityId == municipalityId);

    /// <summary>The collectivité's version: 0 until its reference data is first changed.</summary>
    public async Task<long> CurrentAsync(int municipalityId, CancellationToken ct) =>
        await Stamp(municipalityId).Select(s => (long?)s.Version).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>Raises the version; call it in the transaction of the change, so both commit together.</summary>
    public async Task<long> BumpAsync(int municipalityId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await Stamp(municipalityId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct) == 1)
            {
                return await CurrentAsync(municipalityId, ct);
            }
            var row = new ReferenceDataStamp { MunicipalityId = municipalityId, Version = 1 };
            db.ReferenceDataStamps.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return 1;
            }
            catch (DbUpdateException)
            {
                // Another server made the row first: the next turn raises it.
            }
            finally
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
        throw new InvalidOperationException($"The reference data version of collectivité {municipalityId} could not be raised.");
    }

    /// <summary>
    /// The value cached in this process for <paramref name="key"/> if it was read at the collectivité's current
    /// version, else a fresh one from <paramref name="load"/>, kept under that version.
    /// </summary>
    public async Task<T> GetOrLoadAsync<T>(int municipalityId, string key, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        var version = await CurrentAsync(municipalityId, ct);
        var cacheKey = (nameof(ReferenceDataVersion), municipalityId, key);
        if (cache.TryGetValue(cacheKey, out (long Version, T Value) cached) && cached.Version == version)
        {
            return cached.Value;
        }
        var value = await load(ct);
        cache.Set(cacheKey, (version, value), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
        return value;
    }
}
