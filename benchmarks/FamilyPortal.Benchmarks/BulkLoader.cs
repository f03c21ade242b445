using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FamilyPortal.Benchmarks;

internal sealed record SeedCounts(int Families, int Children, int Bookings, int DayLoads, TimeSpan Elapsed);

/// <summary>
/// Families, children, a school year of bookings and their day counters, written with prepared SQLite
/// statements in one transaction: EF Core would take minutes for a million rows.
/// </summary>
internal static class BulkLoader
{
    private const string CreatedAt = "2026-08-20 18:30:00";

    private sealed record SeededChild(long Id, int Index, TownSite Site);

    public static SeedCounts Load(string connectionString, Town town, int childCount, BenchCalendar calendar)
    {
        var started = Stopwatch.GetTimestamp();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA cache_size = -262144;");
        var (families, children, bookings, loads) = (0, new List<SeededChild>(), 0, 0);
        using (var transaction = connection.BeginTransaction())
        {
            (families, children) = InsertFamilies(connection, transaction, town, childCount);
            (bookings, loads) = InsertBookings(connection, transaction, town.MunicipalityId, children, calendar);
            transaction.Commit();
        }
        // The portal then reads a settled file, as after any night, not a write-ahead log of a million rows.
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new SeedCounts(families, children.Count, bookings, loads, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Three families for five children: two thirds of the families have two children, the others one; a family's children go to its site.</summary>
    private static (int Families, List<SeededChild> Children) InsertFamilies(
        SqliteConnection connection, SqliteTransaction transaction, Town town, int childCount)
    {
        var familyCount = Math.Max((childCount + 1) / 2, childCount * 3 / 5);
        var withTwo = childCount - familyCount;
        using var family = Prepare(connection, transaction,
            "INSERT INTO Families (MunicipalityId, HouseholdName, Reference, Email, Phone, AdhesionCodeLookup, AdhesionCodeProtected, AdhesionCodeRevoked, Version) " +
            "VALUES ($municipality, $name, $reference, $email, NULL, $lookup, '', 0, 0) RETURNING Id",
            "$municipality", "$name", "$reference", "$email", "$lookup");
        using var child = Prepare(connection, transaction,
            "INSERT INTO Children (MunicipalityId, FamilyId, FirstName, LastName, BirthDate, SchoolClass, SiteId, Version) " +
            "VALUES ($municipality, $family, $first, $last, $birth, NULL, $site, 0) RETURNING Id",
            "$municipality", "$family", "$first", "$last", "$birth", "$site");
        var children = new List<SeededChild>(childCount);
        for (var f = 0; f < familyCount; f++)
        {
            var name = $"FAMILLE{f:D5}";
            var site = town.Sites[f % town.Sites.Count];
            var familyId = (long)Run(family, town.MunicipalityId, name, $"B-{f:D5}", $"famille{f}@banc-essai.exemple.fr", $"benchmark-{f:D5}")!;
            for (var c = 0; c < (f < withTwo ? 2 : 1); c++)
            {
                var index = children.Count;
                var birth = new DateOnly(2015 + (index % 8), 1 + (index % 12), 1 + (index % 28));
                var id = (long)Run(child, town.MunicipalityId, familyId, $"ENFANT{index:D5}", name, birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), site.Id)!;
                children.Add(new SeededChild(id, index, site));
            }
        }
        return (familyCount, children);
    }

    /// <summary>
    /// Every child eats at the canteen every school day and goes to one after-school activity two days a
    /// week (Monday and Thursday, or Tuesday and Friday): 1.5 bookings a school day on average. Rows are
    /// written day after day, all children each day, so a child's bookings lie scattered over the table as
    /// when they are booked week after week.
    /// </summary>
    private static (int Bookings, int Loads) InsertBookings(
        SqliteConnection connection, SqliteTransaction transaction, int municipalityId, List<SeededChild> children, BenchCalendar calendar)
    {
        using var booking = Prepare(connection, transaction,
            "INSERT INTO Bookings (MunicipalityId, ChildId, ActivityId, Date, CreatedAtUtc, CreatedByAccountId, StaffReason, CancelledAtUtc, Cancellation, CancellationJustified) " +
            "VALUES ($municipality, $child, $activity, $date, $created, NULL, NULL, NULL, 0, 0)",
            "$municipality", "$child", "$activity", "$date", "$created");
        var loads = new Dictionary<(int ActivityId, string Date), int>();
        var count = 0;
        foreach (var day in calendar.SchoolDays())
        {
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var child in children)
            {
                Book(child.Site.MealActivityId);
                var goesMondayAndThursday = (child.Index / child.Site.CareActivityIds.Count) % 2 == 0;
                var isMondayOrThursday = day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday;
                if (isMondayOrThursday == goesMondayAndThursday)
                {
                    Book(child.Site.CareActivityIds[child.Index % child.Site.CareActivityIds.Count]);
                }

                void Book(int activityId)
                {
                    Run(booking, municipalityId, child.Id, activityId, date, CreatedAt);
                    loads[(activityId, date)] = loads.GetValueOrDefault((activityId, date)) + 1;
                    count++;
                }
            }
        }
        using var load = Prepare(connection, transaction,
            "INSERT INTO ActivityDayLoads (ActivityId, Date, MunicipalityId, Booked) VALUES ($activity, $date, $municipality, $booked)",
            "$activity", "$date", "$municipality", "$booked");
        foreach (var ((activityId, date), booked) in loads)
        {
            Run(load, activityId, date, municipalityId, booked);
        }
        return (count, loads.Count);
    }

    internal static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    internal static object? Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        return command.ExecuteScalar();
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
