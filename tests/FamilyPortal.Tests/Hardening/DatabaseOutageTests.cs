using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// The database held by another process longer than the busy timeout, or out of reach: the visitor gets the
/// French « réessayez » page with 503 and Retry-After, no stack trace, and nothing of the action is written;
/// once the database is back the same action works.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class DatabaseOutageTests(DatabaseOutageTests.OutageFactory factory) : IClassFixture<DatabaseOutageTests.OutageFactory>
{
    /// <summary>The database in a folder of its own (so it can be taken away), waiting one second for a lock.</summary>
    public sealed class OutageFactory : PortalFactory
    {
        public OutageFactory() : base(new Dictionary<string, string?> { ["Captcha:Enabled"] = "false" })
        {
            Directory.CreateDirectory(DatabaseFolder);
        }

        public string DatabaseFolder => Path.Combine(WorkDirectory, "base");

        public string DatabaseFile => Path.Combine(DatabaseFolder, "portal.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:FamilyPortal", $"Data Source={DatabaseFile};Default Timeout=1");
        }
    }

    [Fact]
    public async Task A_basket_validated_while_another_process_holds_the_write_lock_gets_the_french_retry_page_and_writes_nothing()
    {
        var cast = await Cast.CreateAsync(factory);
        var parent = cast["parent"].Client;
        var grid = $"/reservations?enfant={cast.Mine.ChildId}&semaine=2026-11-23";
        var page = await parent.GetPageAsync(grid);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.SubmitAsync(page, grid,
            new Dictionary<string, string?> { ["cellule"] = $"{cast.Mine.ActivityId}:2026-11-23" }, "handler=Cell")).StatusCode);
        var withBasket = await parent.GetPageAsync(grid);
        var before = await SnapshotAsync(cast);

        HttpResponseMessage refused;
        await using (var locker = new SqliteConnection($"Data Source={factory.DatabaseFile};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var hold = locker.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE;";
            await hold.ExecuteNonQueryAsync();
            var watch = Stopwatch.StartNew();
            refused = await parent.SubmitAsync(withBasket, grid, new Dictionary<string, string?>(), "handler=Validate");
            Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"answered in {watch.Elapsed} without waiting for the lock");
            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        await AssertRetryPageAsync(refused);
        Assert.Equal(before, await SnapshotAsync(cast));

        var retried = await parent.SubmitAsync(withBasket, grid, new Dictionary<string, string?>(), "handler=Validate");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.NotEqual(before, await SnapshotAsync(cast));
    }

    [Fact]
    public async Task An_agent_saving_a_family_while_the_write_lock_is_held_gets_the_retry_page_and_the_family_is_unchanged()
    {
        var cast = await Cast.CreateAsync(factory);
        var admin = cast["administrateur"].Client;
        var url = $"/admin/familles/fiche/{cast.Mine.FamilyId}";
        var form = await admin.GetPageAsync(url);

        HttpResponseMessage refused;
        await using (var locker = new SqliteConnection($"Data Source={factory.DatabaseFile};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var hold = locker.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();
            refused = await admin.SubmitAsync(form, url, new Dictionary<string, string?> { ["Input.HouseholdName"] = "RENOMMÉ" });
            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        await AssertRetryPageAsync(refused);
        Assert.Equal("MARTIN", await HouseholdNameAsync(cast.Mine.FamilyId));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, url, new Dictionary<string, string?> { ["Input.HouseholdName"] = "RENOMMÉ" })).StatusCode);
        Assert.Equal("RENOMMÉ", await HouseholdNameAsync(cast.Mine.FamilyId));
    }

    [Fact]
    public async Task With_the_database_out_of_reach_pages_and_forms_answer_the_retry_page_and_work_again_when_it_returns()
    {
        var cast = await Cast.CreateAsync(factory);
        var admin = cast["administrateur"].Client;
        var url = $"/admin/familles/fiche/{cast.Mine.FamilyId}";
        var form = await admin.GetPageAsync(url);
        var away = factory.DatabaseFolder + "-ailleurs";

        HttpResponseMessage page, post;
        // Open connections keep the file; new ones find no folder, as when a network volume goes away.
        SqliteConnection.ClearAllPools();
        Directory.Move(factory.DatabaseFolder, away);
        try
        {
            page = await admin.Http.GetAsync("/admin/familles");
            post = await admin.SubmitAsync(form, url, new Dictionary<string, string?> { ["Input.HouseholdName"] = "PENDANT LA PANNE" });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(away, factory.DatabaseFolder);
        }

        await AssertRetryPageAsync(page);
        await AssertRetryPageAsync(post);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin/familles")).StatusCode);
        Assert.Equal("MARTIN", await HouseholdNameAsync(cast.Mine.FamilyId));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, url, new Dictionary<string, string?> { ["Input.HouseholdName"] = "APRÈS LA PANNE" })).StatusCode);
        Assert.Equal("APRÈS LA PANNE", await HouseholdNameAsync(cast.Mine.FamilyId));
    }

    [Fact]
    public void Busy_locked_and_unreachable_databases_of_both_providers_count_as_transient_and_other_errors_do_not()
    {
        Assert.True(DatabaseUnavailable.IsTransient(new SqliteException("database is locked", 5)));
        Assert.True(DatabaseUnavailable.IsTransient(new SqliteException("database table is locked", 6)));
        Assert.True(DatabaseUnavailable.IsTransient(new SqliteException("unable to open database file", 14)));
        Assert.True(DatabaseUnavailable.IsTransient(new DbUpdateException("save failed", new SqliteException("database is locked", 5))));
        Assert.True(DatabaseUnavailable.IsTransient(new Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException("retries", new TimeoutException())));
        Assert.True(DatabaseUnavailable.IsTransient(new InvalidOperationException("wrapped", new TimeoutException())));
        Assert.False(DatabaseUnavailable.IsTransient(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.False(DatabaseUnavailable.IsTransient(new DbUpdateException("save failed", new SqliteException("constraint", 19))));
        Assert.False(DatabaseUnavailable.IsTransient(new InvalidOperationException("bug")));
    }

    private static async Task AssertRetryPageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailableMiddleware.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Contains("Le service est momentanément indisponible, réessayez dans quelques instants.", body, StringComparison.Ordinal);
        foreach (var leak in new[] { "Exception", "SQLite", "at FamilyPortal", "   at ", ".cs:line", "Microsoft." })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private async Task<string> SnapshotAsync(Cast cast)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(cast.Mine.MunicipalityId);
        var bookings = await db.Bookings.CountAsync();
        var loads = string.Join(",", await db.ActivityDayLoads.OrderBy(l => l.Date).Select(l => $"{l.Date}:{l.Booked}").ToListAsync());
        var lines = await db.BasketLines.CountAsync();
        var validations = await db.BasketValidations.CountAsync();
        var mails = await db.OutboxMessages.CountAsync(m => m.MunicipalityId == cast.Mine.MunicipalityId);
        return $"{bookings}|{loads}|{lines}|{validations}|{mails}";
    }

    private async Task<string> HouseholdNameAsync(int familyId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Families.IgnoreQueryFilters().Where(f => f.Id == familyId).Select(f => f.HouseholdName).SingleAsync();
    }
}
