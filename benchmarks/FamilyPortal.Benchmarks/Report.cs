using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace FamilyPortal.Benchmarks;

/// <summary>The figures as a Markdown table, ready for the README.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Machine()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var version = connection.CreateCommand();
        version.CommandText = "SELECT sqlite_version()";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
        return string.Create(Invariant,
            $"{Environment.ProcessorCount} cores, {memory:F0} GiB, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, " +
            $"{RuntimeInformation.FrameworkDescription}, SQLite {version.ExecuteScalar()}");
    }

    public static string Table(SizeFigures full, SizeFigures small)
    {
        var rows = new List<(string Name, Func<SizeFigures, string> Value)>
        {
            ("families / children", r => $"{r.Database.Seed.Families + 1:N0} / {r.Database.Seed.Children + 2:N0}"),
            ("bookings in the database (seeded)", r => $"{r.Database.Seed.Bookings:N0}"),
            ("database file once seeded", r => $"{r.Database.SeededMiB:F0} MiB"),
            ("seeding time (raw SQLite, one transaction)", r => $"{r.Database.Seed.Elapsed.TotalSeconds:F1} s"),
            ("**week grid** `GET /reservations`, median", r => $"**{r.Week.Median:F1} ms**"),
            ("**week grid**, p95", r => $"**{r.Week.P95:F1} ms**"),
            ("period view (4 weeks) `&vue=periode`, median", r => $"{r.Period.Median:F1} ms"),
            ("period view, p95", r => $"{r.Period.P95:F1} ms"),
            ("validate a month, 2 children × 2 activities, median", r => $"{r.Month.Validate.Median:F0} ms ({r.Month.Lines} lines)"),
            ("validate the school year, 2 children × 2 activities, median", r => $"{r.Year.Validate.Median:F0} ms ({r.Year.Lines} lines)"),
            ("fill that year's basket (« période », fratrie), median", r => $"{r.Year.Fill.Median:F0} ms"),
        };
        var lines = new List<string>
        {
            $"| | {full.Database.Children:N0} children | {small.Database.Children:N0} children |",
            "|---|---:|---:|",
        };
        lines.AddRange(rows.Select(row => $"| {row.Name} | {row.Value(full)} | {row.Value(small)} |"));
        return string.Join(Environment.NewLine, lines);
    }
}
