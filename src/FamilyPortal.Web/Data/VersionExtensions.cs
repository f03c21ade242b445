namespace FamilyPortal.Web.Data;

public static class VersionExtensions
{
    /// <summary>
    /// The next save updates the record only if the database still holds the version the editor saw, and
    /// raises it; otherwise it throws <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>.
    /// </summary>
    public static void SaveOnlyOverVersion(this FamilyPortalDbContext db, IVersioned record, int seenVersion)
    {
        db.Entry(record).Property(nameof(IVersioned.Version)).OriginalValue = seenVersion;
        record.Version = seenVersion + 1;
    }
}
