using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Benchmarks;

/// <param name="Fill">« Réserver sur une période » for every activity, both children at once (« fratrie »).</param>
/// <param name="Validate">« Valider »: every line checked again, booked, counted against the places, and the confirmation email queued, in one transaction.</param>
internal sealed record BasketRound(int Lines, double Fill, double Validate);

/// <summary>
/// Fills the parent's basket through the portal's own services and times its validation. Before a round,
/// the bookings of the previous one are taken back (untimed) and the write-ahead log is emptied, so that
/// every round books the same days from the same state; the checkpoints its own writes cause are counted.
/// </summary>
internal static class BasketTimer
{
    public static async Task<BasketRound> RoundAsync(
        BenchDatabase database, IReadOnlyList<int> activityIds, DateOnly from, DateOnly to, bool takeBack, CancellationToken ct)
    {
        var parent = database.Parent;
        Settle(database.Portal, parent, takeBack ? activityIds : []);
        var started = Stopwatch.GetTimestamp();
        var lines = 0;
        await using (var scope = Enter(database.Portal, parent))
        {
            var basket = scope.ServiceProvider.GetRequiredService<BasketService>();
            foreach (var activityId in activityIds)
            {
                var (added, _) = await basket.FillPeriodAsync(parent.Scope, parent.FirstChildId, activityId, from, to,
                    BenchCalendar.ActivityDays, siblings: true, ct);
                lines += added;
            }
        }
        var fill = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        await using (var scope = Enter(database.Portal, parent))
        {
            var validator = scope.ServiceProvider.GetRequiredService<BasketValidator>();
            started = Stopwatch.GetTimestamp();
            var outcome = await validator.ValidateAsync(parent.Scope, ct);
            var validate = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (lines == 0 || outcome.Booked != lines || outcome.Refused != 0)
            {
                throw new InvalidOperationException($"{lines} lines in the basket, {outcome.Booked} booked, {outcome.Refused} refused.");
            }
            return new BasketRound(lines, fill, validate);
        }
    }

    /// <summary>A request's worth of services working on the parent's collectivité, as the tenancy middleware would set it.</summary>
    private static AsyncServiceScope Enter(BenchPortal portal, BenchParent parent)
    {
        var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Tenant.Enter(parent.Scope.MunicipalityId);
        return scope;
    }

    /// <summary>Removes the family's bookings of these activities, gives their places back, and empties the write-ahead log.</summary>
    private static void Settle(BenchPortal portal, BenchParent parent, IReadOnlyList<int> takeBack)
    {
        using var connection = new SqliteConnection(portal.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        if (takeBack.Count > 0)
        {
            using var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            var activities = string.Join(',', takeBack);
            command.CommandText = $"""
                UPDATE ActivityDayLoads SET Booked = Booked - (
                    SELECT COUNT(*) FROM Bookings b
                    WHERE b.ActivityId = ActivityDayLoads.ActivityId AND b.Date = ActivityDayLoads.Date AND b.ChildId IN ($first, $second))
                WHERE ActivityId IN ({activities});
                DELETE FROM Bookings WHERE ChildId IN ($first, $second) AND ActivityId IN ({activities});
                """;
            command.Parameters.AddWithValue("$first", parent.FirstChildId);
            command.Parameters.AddWithValue("$second", parent.SecondChildId);
            command.ExecuteNonQuery();
            transaction.Commit();
            command.Transaction = null;
            command.Parameters.Clear();
        }
        // RESTART, not TRUNCATE: the log file keeps its size, as on a running server, so the round's commits
        // do not pay for growing it again.
        command.CommandText = "PRAGMA wal_checkpoint(RESTART);";
        command.ExecuteNonQuery();
    }
}
