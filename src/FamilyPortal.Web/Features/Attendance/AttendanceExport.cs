using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attendance;

/// <summary>The attendance of a period, day by day, and the monthly children-days the CAF asks for, per activity and age bracket.</summary>
public sealed class AttendanceExport(FamilyPortalDbContext db)
{
    public sealed record Row(string Activity, DateOnly Date, string LastName, string FirstName, string? SchoolClass, MarkState? Mark);

    /// <summary>Children-days present in a month at an activity, per age bracket on the day.</summary>
    public sealed record MonthCount(DateOnly Month, string Activity, int UnderSix, int SixAndOver, int Unknown)
    {
        public int Total => UnderSix + SixAndOver + Unknown;
    }

    public static readonly string[] RowHeader = ["Prestation", "Jour", "Nom", "Prénom", "Classe", "Statut", "Motif", "Arrivée", "Départ"];
    public static readonly string[] CountHeader = ["Mois", "Prestation", "Moins de 6 ans", "6 ans et plus", "Âge inconnu", "Total jours-enfants"];

    public async Task<IReadOnlyList<Row>> RowsAsync(DateOnly from, DateOnly to, int? activityId, CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.CancelledAtUtc == null && b.Date >= from && b.Date <= to && (activityId == null || b.ActivityId == activityId))
            .Join(db.Children, b => b.ChildId, c => c.Id, (b, c) => new { b.ActivityId, b.Date, b.ChildId, c.LastName, c.FirstName, c.SchoolClass })
            .Join(db.Activities, x => x.ActivityId, a => a.Id, (x, a) => new { x.ActivityId, x.Date, x.ChildId, x.LastName, x.FirstName, x.SchoolClass, a.Label })
            .ToListAsync(ct);
        var marks = await MarksAsync(from, to, activityId, ct);
        return bookings
            .OrderBy(b => b.Label, InvoiceCalculator.FrenchOrder).ThenBy(b => b.Date)
            .ThenBy(b => b.LastName, InvoiceCalculator.FrenchOrder).ThenBy(b => b.FirstName, InvoiceCalculator.FrenchOrder).ThenBy(b => b.ChildId)
            .Select(b => new Row(b.Label, b.Date, b.LastName, b.FirstName, b.SchoolClass,
                marks.TryGetValue((b.ChildId, b.ActivityId, b.Date), out var mark) ? AttendanceMarks.StateOf(mark) : null))
            .ToList();
    }

    public async Task<IReadOnlyList<MonthCount>> MonthCountsAsync(DateOnly from, DateOnly to, int? activityId, CancellationToken ct)
    {
        var present = await db.AttendanceMarks.AsNoTracking()
            .Where(m => m.Status == AttendanceStatus.Present && m.Date >= from && m.Date <= to && (activityId == null || m.ActivityId == activityId))
            .Join(db.Children, m => m.ChildId, c => c.Id, (m, c) => new { m.ActivityId, m.Date, c.BirthDate })
            .Join(db.Activities, x => x.ActivityId, a => a.Id, (x, a) => new { x.Date, x.BirthDate, a.Label })
            .ToListAsync(ct);
        return present
            .GroupBy(p => (Month: new DateOnly(p.Date.Year, p.Date.Month, 1), p.Label))
            .Select(g =>
            {
                var brackets = g.Select(p => AttendanceTexts.AgeBracket(p.BirthDate, p.Date)).ToList();
                return new MonthCount(g.Key.Month, g.Key.Label,
                    brackets.Count(b => b == "moins de 6 ans"), brackets.Count(b => b == "6 ans et plus"), brackets.Count(b => b == "âge inconnu"));
            })
            .OrderBy(c => c.Month).ThenBy(c => c.Activity, InvoiceCalculator.FrenchOrder)
            .ToList();
    }

    public static IEnumerable<string?> Cells(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var mark = row.Mark;
        return
        [
            row.Activity, FrenchDates.Numeric(row.Date), row.LastName, row.FirstName, row.SchoolClass,
            mark is null ? "Non pointé" : mark.Status == AttendanceStatus.Present ? "Présent" : "Absent",
            AttendanceTexts.MotifLabel(mark?.Motif), mark?.ArrivedAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            mark?.LeftAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ];
    }

    public static IEnumerable<string?> Cells(MonthCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return [count.Month.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), count.Activity,
            Number(count.UnderSix), Number(count.SixAndOver), Number(count.Unknown), Number(count.Total)];
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Dictionary<(int, int, DateOnly), AttendanceMark>> MarksAsync(DateOnly from, DateOnly to, int? activityId, CancellationToken ct) =>
        await db.AttendanceMarks.AsNoTracking()
            .Where(m => m.Date >= from && m.Date <= to && (activityId == null || m.ActivityId == activityId))
            .ToDictionaryAsync(m => (m.ChildId, m.ActivityId, m.Date), ct);
}
