using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace FamilyPortal.Web.Infrastructure.ReferenceData;

/// <summary>
/// Invalidation of in-process caches for every portal server: what staff change is stamped with a
/// per-collectivité version row in the database (<see cref="ReferenceDataStampInterceptor"/>, in the change's own
/// save), and a cached value is kept under the version it was read at (<see cref="GetOrLoadAsync{T}"/>). A server
/// reads the version (one row by its key) before using its copy, so a change made through any server is seen by
/// all at their next read.
/// </summary>
public sealed class ReferenceDataVersion(FamilyPortalDbContext db, IMemoryCache cache)
{
    /// <summary>Compiled once: every request that uses a cached value reads it.</summary>
    private static readonly Func<FamilyPortalDbContext, int, CancellationToken, Task<long?>> Stamp =
        EF.CompileAsyncQuery((FamilyPortalDbContext db, int municipalityId, CancellationToken ct) =>
            db.ReferenceDataStamps.AsNoTracking().Where(s => s.MunicipalityId == municipalityId).Select(s => (long?)s.Version).SingleOrDefault());

    private (int MunicipalityId, long Version)? _readWithAccount;

    /// <summary>
    /// The version read with the signed-in account at the start of the request (<see cref="Tenancy.SignedInAccount"/>):
    /// used instead of reading it again, unless this request saves reference data in the meantime.
    /// </summary>
    public void ReadWithAccount(int municipalityId, long version) => _readWithAccount = (municipalityId, version);

    /// <summary>The collectivité's version, 0 while it has no stamp row.</summary>
    public async Task<long> CurrentAsync(int municipalityId, CancellationToken ct) =>
        _readWithAccount is { } known && known.MunicipalityId == municipalityId && !db.ReferenceDataStamped
            ? known.Version
            : await Stamp(db, municipalityId, ct) ?? 0;

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
