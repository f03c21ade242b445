using FamilyPortal.Web.Data;
using FamilyPortal.Web.Features.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.CrashTest;

/// <summary>
/// What must hold in the database after the crashes: every basket answered as validated is fully there, no
/// validation is partial (its bookings are all there, and every booking belongs to a validation), capacity and
/// the day counters agree, and SQLite finds the file sound (PostgreSQL's server is not killed, only the portals).
/// </summary>
internal static class CrashChecks
{
    public sealed record Result(List<string> Failures, int Validations, int Bookings, int Cancelled, int FullDays, string Integrity);

    public static async Task<Result> RunAsync(IServiceProvider services, int activityId, int capacity, IReadOnlyCollection<ValidationAttempt> attempts)
    {
        var failures = new List<string>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var validations = await db.BasketValidations.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var everyBooking = await db.Bookings.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var bookings = everyBooking.Where(b => b.CancelledAtUtc == null).ToList();
        var loads = await db.ActivityDayLoads.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var basket = await db.BasketLines.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var accounts = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var waiting = await db.WaitingEntries.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        // A place given back goes to the day's waiting list: that booking is the waiting parent's, made at the
        // moment the other parent's « Valider » promoted the entry, not by a validation of its own.
        var promotions = waiting.Where(e => e.State == WaitingState.Promoted)
            .Select(e => (e.AccountId, e.ChildId, e.Date, e.ResolvedAtUtc)).ToHashSet();

        // No partial validation: the bookings a validation made carry its account and its instant, the ones it
        // cancelled carry its instant (each parent has one child).
        var byValidation = everyBooking.ToLookup(b => (b.CreatedByAccountId, b.CreatedAtUtc));
        var cancelledAt = everyBooking.Where(b => b.CancelledAtUtc is not null).ToLookup(b => (b.ChildId, b.CancelledAtUtc!.Value));
        var childOf = attempts.Select(a => a.Parent).DistinctBy(p => p.Login).ToDictionary(p => accounts[p.Login], p => p.ChildId);
        foreach (var validation in validations)
        {
            var count = byValidation[(validation.AccountId, validation.AtUtc)].Count();
            if (count != validation.BookedCount)
            {
                failures.Add($"validation {validation.Id}: {validation.BookedCount} booking(s) announced, {count} in the database");
            }
            if (childOf.TryGetValue(validation.AccountId, out var child) && cancelledAt[(child, validation.AtUtc)].Count() != validation.CancelledCount)
            {
                failures.Add($"validation {validation.Id}: {validation.CancelledCount} cancellation(s) announced, {cancelledAt[(child, validation.AtUtc)].Count()} in the database");
            }
        }
        var instants = validations.Select(v => (v.AccountId, v.AtUtc)).ToHashSet();
        foreach (var orphan in everyBooking.Where(b => !instants.Contains((b.CreatedByAccountId!, b.CreatedAtUtc))
            && !promotions.Contains((b.CreatedByAccountId!, b.ChildId, b.Date, b.CreatedAtUtc))))
        {
            failures.Add($"booking {orphan.Id} (child {orphan.ChildId}, {orphan.Date:yyyy-MM-dd}) belongs to no validation");
        }
        var cancellationInstants = validations.Select(v => v.AtUtc).ToHashSet();
        foreach (var orphan in everyBooking.Where(b => b.CancelledAtUtc is { } at && !cancellationInstants.Contains(at)))
        {
            failures.Add($"booking {orphan.Id} cancelled by no validation");
        }

        // Every basket answered as validated is there, and each of its days is booked, refused with a reason, or on
        // the day's waiting list (a day that became full between the grid and the click).
        var ids = validations.Select(v => v.Id).ToHashSet();
        foreach (var attempt in attempts.Where(a => a.ValidationId is not null))
        {
            if (!ids.Contains(attempt.ValidationId!.Value))
            {
                failures.Add($"validation {attempt.ValidationId} was answered to {attempt.Parent.Login} but is not in the database");
                continue;
            }
            var account = accounts[attempt.Parent.Login];
            foreach (var day in attempt.Days)
            {
                // Booked by this basket or an earlier one (and maybe cancelled since by a later basket of the parent).
                var booked = everyBooking.Any(b => b.ChildId == attempt.Parent.ChildId && b.Date == day && b.ActivityId == activityId);
                var refused = basket.Any(l => l.AccountId == account && l.ChildId == attempt.Parent.ChildId && l.Date == day && l.RefusalReason is not null);
                var listed = waiting.Any(e => e.AccountId == account && e.ChildId == attempt.Parent.ChildId && e.Date == day);
                if (!booked && !refused && !listed)
                {
                    failures.Add($"{attempt.Parent.Login}, {day:yyyy-MM-dd}: in the basket validated as {attempt.ValidationId}, neither booked, refused nor waiting");
                }
            }
        }

        // Capacity, uniqueness and the day counters.
        foreach (var day in bookings.GroupBy(b => (b.ActivityId, b.Date)))
        {
            if (day.Count() > capacity)
            {
                failures.Add($"{day.Key.Date:yyyy-MM-dd}: {day.Count()} bookings for {capacity} places");
            }
            foreach (var twice in day.GroupBy(b => b.ChildId).Where(g => g.Count() > 1))
            {
                failures.Add($"{day.Key.Date:yyyy-MM-dd}: child {twice.Key} booked {twice.Count()} times");
            }
        }
        var counted = bookings.GroupBy(b => (b.ActivityId, b.Date)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var load in loads)
        {
            var actual = counted.GetValueOrDefault((load.ActivityId, load.Date));
            if (load.Booked != actual)
            {
                failures.Add($"{load.Date:yyyy-MM-dd}: counter says {load.Booked}, {actual} booking(s)");
            }
        }
        foreach (var day in counted.Keys.Where(k => !loads.Any(l => l.ActivityId == k.ActivityId && l.Date == k.Date)))
        {
            failures.Add($"{day.Date:yyyy-MM-dd}: bookings without a day counter");
        }

        var verdict = db.Database.IsSqlite() ? await SqliteIntegrityAsync(db) : "not checked (the database server was not killed, only the portals)";
        if (db.Database.IsSqlite() && verdict != "SQLite integrity_check ok")
        {
            failures.Add(verdict);
        }
        return new Result(failures, validations.Count, bookings.Count, everyBooking.Count - bookings.Count, counted.Count(c => c.Value >= capacity), verdict);
    }

    private static async Task<string> SqliteIntegrityAsync(FamilyPortalDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return "SQLite integrity_check " + (string)(await command.ExecuteScalarAsync())!;
    }
}
