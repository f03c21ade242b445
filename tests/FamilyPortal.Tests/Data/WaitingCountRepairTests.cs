using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FamilyPortal.Tests.Data;

/// <summary>
/// The migration that separates waiting-list joins from cancellations sets the counts of past validations right,
/// from their summary lines. Run on a SQLite file of its own, migrated step by step.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class WaitingCountRepairTests : IDisposable
{
    private const string Before = "ReferenceDataStampForEachCollectivite";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"familyportal-repair-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Past_validations_count_their_waiting_list_lines_apart_from_their_cancellations()
    {
        await using var db = new SqliteFamilyPortalDbContext(new DbContextOptionsBuilder<SqliteFamilyPortalDbContext>()
            .UseSqlite($"Data Source={_file};Foreign Keys=False").Options, new TenantContext());
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_" + Before, StringComparison.Ordinal)));
        // Two waiting-list joins and one cancellation, all three counted as cancellations then; and one without any.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "BasketValidations" ("Id", "MunicipalityId", "AccountId", "AtUtc", "BookedCount", "CancelledCount", "RefusedCount", "Summary")
            VALUES (1, 1, 'compte', '2026-11-02 08:00:00', 1, 3, 0,
                    'Réservé · LÉA · RESTAURATION · lundi 9 novembre 2026' || char(10) || 'Annulé · LÉA · RESTAURATION · mardi 10 novembre 2026' || char(10) ||
                    'Liste d''attente · LÉA · RESTAURATION · jeudi 12 novembre 2026' || char(10) || 'Liste d''attente · TOM · RESTAURATION · jeudi 12 novembre 2026'),
                   (2, 1, 'compte', '2026-11-03 08:00:00', 0, 1, 1,
                    'Annulé · LÉA · RESTAURATION · lundi 16 novembre 2026' || char(10) || 'Refusé · TOM · RESTAURATION · mardi 17 novembre 2026 · complet');
            """);

        await migrator.MigrateAsync();

        var counts = await db.BasketValidations.IgnoreQueryFilters().AsNoTracking().OrderBy(v => v.Id)
            .Select(v => new { v.BookedCount, v.CancelledCount, v.WaitingCount, v.RefusedCount }).ToListAsync();
        Assert.Equal(new { BookedCount = 1, CancelledCount = 1, WaitingCount = 2, RefusedCount = 0 }, counts[0]);
        Assert.Equal(new { BookedCount = 0, CancelledCount = 1, WaitingCount = 0, RefusedCount = 1 }, counts[1]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
