namespace FamilyPortal.Benchmarks;

internal sealed record BasketFigure(int Lines, Samples Fill, Samples Validate);

internal sealed record SizeFigures(BenchDatabase Database, BasketFigure Month, BasketFigure Year, Samples Week, Samples Period);

/// <summary>
/// Every measure, taken on the databases in turn (a round or a request on one, then on the other): the JIT
/// settling, the garbage collector and a busy machine then weigh on both sizes alike, and the figures
/// differ by what the data size costs.
/// </summary>
internal static class Comparison
{
    public static async Task<IReadOnlyList<SizeFigures>> RunAsync(IReadOnlyList<BenchDatabase> databases, BenchmarkOptions options, CancellationToken ct)
    {
        // The first validation compiles the queries: a one-day basket of the midday activity pays for it.
        foreach (var database in databases)
        {
            await BasketTimer.RoundAsync(database, [database.Town.Sites[0].CareActivityIds[1]],
                BenchCalendar.Year2026.YearStart, BenchCalendar.Year2026.YearStart, takeBack: false, ct);
        }
        var months = await BasketsAsync(databases, "month", site => [site.MealActivityId, site.CareActivityIds[2]],
            new(2026, 11, 1), new(2026, 11, 30), options.Rounds, ct);
        var years = await BasketsAsync(databases, "school-year", site => [site.CareActivityIds[0], site.CareActivityIds[3]],
            BenchCalendar.Year2026.YearStart, BenchCalendar.Year2026.YearEnd, options.Rounds, ct);

        var pages = databases.Select(d => Grid(d, period: false)).Concat(databases.Select(d => Grid(d, period: true))).ToList();
        var grids = await PageTimer.TimeAsync(pages, options.Warmup, options.Requests, ct);
        var figures = databases.Select((d, i) => new SizeFigures(d, months[i], years[i], grids[i], grids[databases.Count + i])).ToList();
        foreach (var figure in figures)
        {
            Console.WriteLine($"{figure.Database.Label} week grid: median {figure.Week.Median:F2} ms, p95 {figure.Week.P95:F2} ms; " +
                $"period view: median {figure.Period.Median:F2} ms, p95 {figure.Period.P95:F2} ms");
        }
        return figures;
    }

    /// <summary>An untimed round on each database, then the timed rounds, the databases taking turns.</summary>
    private static async Task<List<BasketFigure>> BasketsAsync(IReadOnlyList<BenchDatabase> databases, string name,
        Func<TownSite, int[]> activities, DateOnly from, DateOnly to, int rounds, CancellationToken ct)
    {
        var results = databases.Select(_ => new List<BasketRound>()).ToList();
        for (var round = -1; round < rounds; round++)
        {
            for (var d = 0; d < databases.Count; d++)
            {
                var result = await BasketTimer.RoundAsync(databases[d], activities(databases[d].Town.Sites[0]), from, to, takeBack: round >= 0, ct);
                if (round >= 0)
                {
                    results[d].Add(result);
                }
            }
        }
        var figures = results.Select(r => new BasketFigure(r[0].Lines, new Samples([.. r.Select(x => x.Fill)]), new Samples([.. r.Select(x => x.Validate)]))).ToList();
        for (var d = 0; d < databases.Count; d++)
        {
            Console.WriteLine($"{databases[d].Label} {name} basket: {figures[d].Lines} lines validated in {figures[d].Validate.Median:F0} ms (median of {rounds})");
        }
        return figures;
    }

    /// <summary>The after-school activities of the first child's site, on a week in term or in « Vue Période » from it.</summary>
    private static TimedPage Grid(BenchDatabase database, bool period)
    {
        var monday = BenchCalendar.GridMonday;
        var url = $"/reservations?enfant={database.Parent.FirstChildId}&service={database.Town.Sites[0].CareService}&semaine={monday:yyyy-MM-dd}";
        return period
            ? new TimedPage(database.Http, url + "&vue=periode", Heading(monday.AddDays(21)))
            : new TimedPage(database.Http, url, Heading(monday));
    }

    /// <summary>The caption of a week of the grid, « Semaine 47 du 16/11/2026 ».</summary>
    private static string Heading(DateOnly monday) => $"Semaine {FrenchDates.IsoWeek(monday)} du {FrenchDates.Numeric(monday)}";
}
