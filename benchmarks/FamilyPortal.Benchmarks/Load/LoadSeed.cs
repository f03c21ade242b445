using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Benchmarks.Load;

/// <summary>
/// The database of the load scenario: the benchmark's school year (its collectivité, sites, activities,
/// families, children and bookings, by the same builders) on the school year of the real date, plus the
/// parents' accounts with their adhésions, places short enough to fill up, empty baskets, and the manifest.
/// </summary>
internal static class LoadSeed
{
    /// <summary>Months listed in the manifest: a run with more parents than accounts gives a second pass the next month.</summary>
    private const int MonthCount = 3;

    public static async Task<LoadManifest> CreateAsync(LoadOptions options, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var folder = Path.GetFullPath(options.Folder);
        Directory.CreateDirectory(folder);
        var clock = TimeProvider.System;
        var today = ParisClock.Today(clock.GetUtcNow(), ParisClock.Zone);
        var (calendar, months) = LoadMonths.From(today, MonthCount);

        await using var portal = new BenchPortal(folder, clock);
        if (File.Exists(portal.DatabasePath))
        {
            throw new InvalidOperationException($"{portal.DatabasePath} exists already: seed into an empty folder.");
        }
        // Starting the portal applies its migrations to the empty file.
        _ = portal.Services;
        var town = await ReferenceData.CreateAsync(portal, calendar, capacity: options.Children + 10, ct);
        var seed = BulkLoader.Load(portal.ConnectionString, town, options.Children, calendar);
        string hash;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalAccount>>().HashPassword(new PortalAccount(), ParentAccounts.Password);
        }

        using var connection = new SqliteConnection(portal.ConnectionString);
        connection.Open();
        var families = ParentAccounts.Families(connection);
        ParentAccounts.Insert(connection, town.MunicipalityId, families, options.Accounts, hash, clock.GetUtcNow().UtcDateTime);
        var limits = LoadCapacities.Apply(connection, town, months[0], calendar.SchoolDays(), options.Parents);
        var labels = ActivityLabels(connection);
        BulkLoader.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");

        var accounts = Enumerable.Range(0, options.Accounts).Select(n =>
        {
            var index = n % families.Count;
            var family = families[index];
            var site = town.Sites.Single(s => s.Id == family.SiteId);
            var activity = index % 2 == 0 ? site.CareActivityIds[0] : site.CareActivityIds[^1];
            var login = ParentAccounts.Login(n);
            return new LoadAccount(login, $"{login}@banc-essai.exemple.fr", family.ChildIds[0], site.CareService, activity, family.ChildIds.Count > 1);
        }).ToList();
        var manifest = new LoadManifest(
            "COMMUNE DE BANC-D'ESSAI", calendar.Label, ParentAccounts.Password, seed.Families, seed.Children, seed.Bookings,
            Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1), months,
            [.. limits.Select(l => new LoadLimit(labels[l.ActivityId], l.Date, l.Capacity, l.TakenBefore))],
            accounts);
        manifest.Write(folder);
        return manifest;
    }

    private static Dictionary<int, string> ActivityLabels(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Label FROM Activities";
        using var reader = command.ExecuteReader();
        var labels = new Dictionary<int, string>();
        while (reader.Read())
        {
            labels[reader.GetInt32(0)] = reader.GetString(1);
        }
        return labels;
    }
}
