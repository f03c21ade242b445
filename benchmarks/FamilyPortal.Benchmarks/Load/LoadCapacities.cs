using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FamilyPortal.Benchmarks.Load;

/// <param name="Date">Null for the activity's usual capacity, a day for a capacity override.</param>
/// <param name="TakenBefore">Places already taken by the seeded bookings (the most of any day of the month).</param>
internal sealed record LimitedPlaces(int ActivityId, DateOnly? Date, int Capacity, int TakenBefore);

/// <summary>
/// Places short enough that some activities fill up while the parents arrive. Half the parents book the
/// morning care, half the late evening care (see <see cref="LoadManifest"/>): each site's late evening care
/// gets room for about a sixth of the arriving parents' children, and the morning care two days of the
/// month with a capacity override of about a twelfth. The other activities keep room for every child.
/// </summary>
internal static class LoadCapacities
{
    public static IReadOnlyList<LimitedPlaces> Apply(SqliteConnection connection, Town town, LoadMonth month, IReadOnlyList<DateOnly> schoolDays, int parents)
    {
        var limits = new List<LimitedPlaces>();
        var days = schoolDays.Where(d => d >= month.From && d <= month.To).ToList();
        using var transaction = connection.BeginTransaction();
        foreach (var site in town.Sites)
        {
            var evening = site.CareActivityIds[^1];
            var taken = days.Max(d => Taken(connection, transaction, evening, d));
            var capacity = taken + Math.Max(1, parents / 6);
            Execute(connection, transaction, "UPDATE Activities SET Capacity = $capacity WHERE Id = $activity", ("$capacity", capacity), ("$activity", evening));
            limits.Add(new LimitedPlaces(evening, null, capacity, taken));

            var morning = site.CareActivityIds[0];
            foreach (var day in days.Where((_, i) => i is 4 or 9))
            {
                var before = Taken(connection, transaction, morning, day);
                var limit = before + Math.Max(1, parents / 12);
                Execute(connection, transaction,
                    "INSERT INTO CapacityOverrides (MunicipalityId, ActivityId, Date, Capacity) VALUES ($municipality, $activity, $date, $capacity)",
                    ("$municipality", town.MunicipalityId), ("$activity", morning), ("$date", Iso(day)), ("$capacity", limit));
                limits.Add(new LimitedPlaces(morning, day, limit, before));
            }
        }
        transaction.Commit();
        return limits;
    }

    private static int Taken(SqliteConnection connection, SqliteTransaction transaction, int activityId, DateOnly day)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(Booked), 0) FROM ActivityDayLoads WHERE ActivityId = $activity AND Date = $date";
        command.Parameters.AddWithValue("$activity", activityId);
        command.Parameters.AddWithValue("$date", Iso(day));
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
