using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FamilyPortal.Benchmarks;

/// <summary>
/// Issuing one month of invoices for a town of <c>families</c> families, on the reservations benchmark's data
/// (same loader, same year of bookings): the preview the agent sees, then the issue in one transaction —
/// numbers, invoices, lines and one email per family. The portal's clock is moved to the first of December
/// so that November 2026 can be invoiced.
/// </summary>
internal static class BillingBenchmark
{
    public static readonly BillingMonth Month = new(2026, 11);

    private static readonly FixedClock AfterMonth = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(1)));

    public sealed record Figures(int Families, int Children, int Bookings, int Invoices, int Lines, int Emails, decimal Total,
        TimeSpan Preview, TimeSpan Issue, TimeSpan SecondIssue);

    /// <summary>The loader makes three families for five children: this many children give the families asked for.</summary>
    public static int ChildrenFor(int families) => (families * 5 + 2) / 3;

    public static async Task<Figures> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var municipalityId = database.Town.MunicipalityId;
        AddPricing(database.Portal.ConnectionString, database.Town);
        await using var portal = database.Portal.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(AfterMonth);
        }));

        var preview = await TimeAsync(portal.Services, municipalityId, async services =>
            (await services.GetRequiredService<MonthPlanner>().PlanAsync(Month, ct)).Count, ct);
        var issue = await TimeAsync(portal.Services, municipalityId, async services =>
        {
            var issuer = services.GetRequiredService<InvoiceIssuer>();
            var outcome = await issuer.IssueAsync(municipalityId, Month, issuer.DefaultDueDate, expected: null, ct);
            return outcome.Result == InvoiceIssuer.Result.Issued ? outcome.Count : throw new InvalidOperationException($"Issue: {outcome.Result}");
        }, ct);
        var again = await TimeAsync(portal.Services, municipalityId, async services =>
        {
            var issuer = services.GetRequiredService<InvoiceIssuer>();
            return (await issuer.IssueAsync(municipalityId, Month, issuer.DefaultDueDate, expected: null, ct)).Count;
        }, ct);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var first = Month.FirstDay;
        var invoices = await db.Invoices.Where(i => i.Month == first).Select(i => new { i.Id, i.Total }).ToListAsync(ct);
        var lines = await db.InvoiceLines.CountAsync(ct);
        var emails = await db.OutboxMessages.CountAsync(m => m.MunicipalityId == municipalityId, ct);
        var bookings = await db.Bookings.CountAsync(b => b.Date >= first && b.Date <= Month.LastDay, ct);
        return new Figures(database.Seed.Families, database.Seed.Children, bookings, invoices.Count, lines, emails,
            invoices.Sum(i => i.Total), preview.Elapsed, issue.Elapsed, again.Elapsed);
    }

    public static string Report(Figures f) => string.Create(CultureInfo.InvariantCulture,
        $"""
        | invoicing {Month.Label} | {f.Families:N0} families |
        |---|---:|
        | children / bookings of the month | {f.Children:N0} / {f.Bookings:N0} |
        | invoices / lines / emails written | {f.Invoices:N0} / {f.Lines:N0} / {f.Emails:N0} |
        | total invoiced | {f.Total:N2} € |
        | **preview** (totals per family) | **{f.Preview.TotalSeconds:F1} s** |
        | **issue** (one transaction: numbers, invoices, lines, emails) | **{f.Issue.TotalSeconds:F1} s** |
        | issuing the same month again (nothing to issue) | {f.SecondIssue.TotalSeconds:F1} s |
        """);

    /// <summary>Three tranches priced for the canteens; two families out of three have a quotient, the others pay the highest tranche.</summary>
    private static void AddPricing(string connectionString, Town town)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var m = town.MunicipalityId.ToString(CultureInfo.InvariantCulture);
        foreach (var (label, min, price) in new[] { ("Tranche A", 0, "2.50"), ("Tranche B", 700, "3.40"), ("Tranche C", 1200, "4.10") })
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO QuotientBrackets (MunicipalityId, Label, MinQuotient) VALUES ({m}, '{label}', {min}) RETURNING Id";
            var bracketId = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            foreach (var site in town.Sites)
            {
                Execute(connection, transaction,
                    $"INSERT INTO BracketPrices (BracketId, ActivityId, MunicipalityId, Price) VALUES ({bracketId}, {site.MealActivityId}, {m}, '{price}')");
            }
        }
        Execute(connection, transaction,
            $"INSERT INTO FamilyQuotients (MunicipalityId, FamilyId, Value, ValidFrom, ValidTo, RecordedAtUtc) " +
            $"SELECT {m}, Id, (Id * 37) % 1600, '2026-01-01', '2026-12-31', '2026-08-20 18:30:00' FROM Families WHERE MunicipalityId = {m} AND Id % 3 <> 0");
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<(int Result, TimeSpan Elapsed)> TimeAsync(IServiceProvider root, int municipalityId, Func<IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        await using var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Tenant.Enter(municipalityId);
        ct.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var result = await work(scope.ServiceProvider);
        return (result, Stopwatch.GetElapsedTime(started));
    }
}
