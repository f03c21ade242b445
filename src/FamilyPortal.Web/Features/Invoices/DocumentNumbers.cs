using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// Hands out numbers of a sequence (collectivité, kind, year) inside the caller's transaction: the counter row
/// is raised by one statement, which locks it until commit, so concurrent issues take turns and a rolled-back
/// issue gives its numbers back — the sequence has no gap and no duplicate.
/// </summary>
public sealed class DocumentNumbers(FamilyPortalDbContext db)
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first.</summary>
    public async Task<int> ReserveAsync(int municipalityId, DocumentSeries series, int year, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (db.Database.IsNpgsql())
        {
            // One statement: the primary key makes a concurrent first issue wait for this one's commit, then raise the row.
            var reserved = await db.Database.SqlQuery<int>($"""
                INSERT INTO "DocumentCounters" ("MunicipalityId", "Series", "Year", "Last") VALUES ({municipalityId}, {(int)series}, {year}, {count})
                ON CONFLICT ("MunicipalityId", "Series", "Year") DO UPDATE SET "Last" = "DocumentCounters"."Last" + excluded."Last"
                RETURNING "Last" AS "Value"
                """).ToListAsync(ct);
            return reserved.Single() - count + 1;
        }
        await EnsureRowAsync(municipalityId, series, year, ct);
        var last = db.Database.IsSqlServer()
            ? await db.Database.SqlQuery<int>($"""
                UPDATE DocumentCounters SET [Last] = [Last] + {count}
                OUTPUT inserted.[Last] AS Value
                WHERE MunicipalityId = {municipalityId} AND Series = {(int)series} AND Year = {year}
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<int>($"""
                UPDATE DocumentCounters SET [Last] = [Last] + {count}
                WHERE MunicipalityId = {municipalityId} AND Series = {(int)series} AND Year = {year}
                RETURNING [Last] AS Value
                """).ToListAsync(ct);
        return last.Single() - count + 1;
    }

    private Task<int> EnsureRowAsync(int municipalityId, DocumentSeries series, int year, CancellationToken ct) =>
        db.Database.IsSqlServer()
            // HOLDLOCK makes the existence test and the insert one step for concurrent transactions.
            ? db.Database.ExecuteSqlInterpolatedAsync($"""
                MERGE DocumentCounters WITH (HOLDLOCK) AS target
                USING (SELECT {municipalityId} AS MunicipalityId, {(int)series} AS Series, {year} AS Year) AS source
                ON target.MunicipalityId = source.MunicipalityId AND target.Series = source.Series AND target.Year = source.Year
                WHEN NOT MATCHED THEN INSERT (MunicipalityId, Series, Year, [Last]) VALUES ({municipalityId}, {(int)series}, {year}, 0);
                """, ct)
            : db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT OR IGNORE INTO DocumentCounters (MunicipalityId, Series, Year, [Last]) VALUES ({municipalityId}, {(int)series}, {year}, 0)", ct);
}
