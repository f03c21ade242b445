using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Calendar;

/// <summary>
/// School holidays: closures of the whole collectivité (no site, no activity), entered by hand or imported
/// from a CSV file. A period may not overlap another one, nor cover days already booked: those days are
/// closed from « Fermetures », which cancels the bookings and tells the families.
/// </summary>
public sealed class SchoolHolidays(FamilyPortalDbContext db)
{
    public enum LineAction { Create, Update, Unchanged, Ignored }

    /// <param name="MatchedId">The period already stored that the line updates or repeats.</param>
    public sealed record PlannedLine(int Number, string Description, DateOnly? Start, DateOnly? End, LineAction Action, string? Note,
        IReadOnlyList<string> Errors, int? MatchedId = null);

    /// <param name="Zone">The zone of the file whose lines are read, or null when the file has no zones.</param>
    public sealed record Plan(IReadOnlyList<string> FileErrors, IReadOnlyList<PlannedLine> Lines, IReadOnlyList<string> Zones, string? Zone = null)
    {
        public bool HasErrors => FileErrors.Count > 0 || Lines.Any(l => l.Errors.Count > 0);
        public int Count(LineAction action) => Lines.Count(l => l.Errors.Count == 0 && l.Action == action);
        /// <summary>Something to write, and no error anywhere.</summary>
        public bool CanImport => !HasErrors && Count(LineAction.Create) + Count(LineAction.Update) > 0;
    }

    /// <summary>The holiday periods: closures of the whole collectivité.</summary>
    public IQueryable<Closure> Periods => db.Closures.Where(c => c.SiteId == null && c.ActivityId == null);

    /// <summary>Why a period cannot be saved by hand, or nothing.</summary>
    public async Task<string?> ConflictAsync(DateOnly start, DateOnly end, int? exceptId, CancellationToken ct)
    {
        var overlap = await Periods.AsNoTracking()
            .Where(c => c.Id != exceptId && c.StartDate <= end && c.EndDate >= start)
            .OrderBy(c => c.StartDate).FirstOrDefaultAsync(ct);
        if (overlap is not null)
        {
            return Overlaps(overlap);
        }
        var booked = await BookedAsync(start, end, ct);
        return booked > 0 ? Booked(booked) : null;
    }

    /// <summary>Reads the file and says what importing it would do, line by line, without writing anything.</summary>
    /// <param name="zone">The zone chosen on the page, if any.</param>
    /// <param name="ownZone">The collectivité's zone: the file's lines of that zone when none is chosen.</param>
    public async Task<Plan> PlanAsync(string text, SchoolYear year, string? zone, SchoolZone? ownZone, CancellationToken ct)
    {
        var file = HolidayFile.Parse(text, ParisClock.Zone);
        if (file.Errors.Count > 0)
        {
            return new Plan(file.Errors, [], []);
        }
        var zones = file.Zones;
        var chosenZone = zones.FirstOrDefault(z => string.Equals(z, zone?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? (ownZone is { } own ? SchoolZones.FindIn(zones, own) : null)
            ?? (zones.Count == 1 ? zones[0] : null);
        if (zones.Count > 1 && chosenZone is null)
        {
            return new Plan(["Ce fichier contient les vacances de plusieurs zones : choisissez la vôtre dans la liste."], [], zones);
        }
        var existing = await Periods.AsNoTracking().ToListAsync(ct);
        var kept = new List<PlannedLine>();
        var seen = new Dictionary<(string, DateOnly?, DateOnly?), int>();
        var planned = new List<PlannedLine>();
        foreach (var line in file.Lines)
        {
            planned.Add(await PlanLineAsync(line, year, chosenZone, existing, kept, seen, ct));
        }
        return new Plan([], planned, zones, chosenZone);
    }

    private async Task<PlannedLine> PlanLineAsync(HolidayFile.Line line, SchoolYear year, string? zone,
        List<Closure> existing, List<PlannedLine> kept, Dictionary<(string, DateOnly?, DateOnly?), int> seen, CancellationToken ct)
    {
        PlannedLine Ignored(string note) => new(line.Number, line.Description, line.Start, line.End, LineAction.Ignored, note, []);
        if (zone is not null && !string.Equals(line.Zone, zone, StringComparison.OrdinalIgnoreCase))
        {
            return Ignored($"Ignorée : {(string.IsNullOrEmpty(line.Zone) ? "sans zone" : line.Zone)}.");
        }
        if (line.ForTeachersOnly)
        {
            return Ignored("Ignorée : concerne les enseignants.");
        }
        if (line.Errors.Count > 0)
        {
            return new PlannedLine(line.Number, line.Description, line.Start, line.End, LineAction.Create, null, line.Errors);
        }
        var (start, end) = (line.Start!.Value, line.End!.Value);
        if (end < year.StartDate || start > year.EndDate)
        {
            return Ignored($"Ignorée : hors de l'année scolaire {year.Label}.");
        }
        var key = (line.Description.ToUpperInvariant(), line.Start, line.End);
        if (seen.TryGetValue(key, out var twin))
        {
            return Ignored($"Ignorée : identique à la ligne {twin}.");
        }
        seen[key] = line.Number;

        var errors = new List<string>();
        var match = existing.FirstOrDefault(c => c.StartDate == start && c.EndDate == end)
            ?? existing.FirstOrDefault(c => string.Equals(c.Reason, line.Description, StringComparison.OrdinalIgnoreCase) && c.StartDate <= end && c.EndDate >= start);
        if (match is not null && kept.Any(k => k.MatchedId == match.Id))
        {
            // Already taken by an earlier line: this one overlaps it (reported below).
            match = null;
        }
        var action = match is null ? LineAction.Create
            : match.StartDate == start && match.EndDate == end && match.Reason == line.Description ? LineAction.Unchanged
            : LineAction.Update;
        foreach (var other in existing.Where(c => c.Id != match?.Id && c.StartDate <= end && c.EndDate >= start))
        {
            errors.Add(Overlaps(other));
        }
        foreach (var earlier in kept.Where(k => k.Start <= end && k.End >= start))
        {
            errors.Add($"Chevauche la ligne {earlier.Number} (« {earlier.Description} »).");
        }
        if (action != LineAction.Unchanged)
        {
            var booked = await BookedAsync(start, end, ct);
            if (booked > 0)
            {
                errors.Add(Booked(booked));
            }
        }
        var note = action switch
        {
            LineAction.Create => "Nouvelle période",
            LineAction.Update => $"Remplace « {match!.Reason} » du {FrenchDates.Numeric(match.StartDate)} au {FrenchDates.Numeric(match.EndDate)}",
            _ => "Déjà enregistrée",
        };
        var planned = new PlannedLine(line.Number, line.Description, start, end, action, note, errors, match?.Id);
        kept.Add(planned);
        return planned;
    }

    /// <summary>
    /// Imports the file in one transaction, read again there so that what is written is what was checked;
    /// nothing is written when any line has an error. Returns the plan that was applied (or refused).
    /// </summary>
    public async Task<Plan> ImportAsync(int municipalityId, string text, SchoolYear year, string? zone, SchoolZone? ownZone, CancellationToken ct) =>
        await db.InTransactionAsync(async token =>
        {
            var plan = await PlanAsync(text, year, zone, ownZone, token);
            if (plan.HasErrors)
            {
                return plan;
            }
            var existing = await Periods.ToDictionaryAsync(c => c.Id, token);
            foreach (var line in plan.Lines.Where(l => l.Action is LineAction.Create or LineAction.Update))
            {
                var (start, end) = (line.Start!.Value, line.End!.Value);
                if (line.MatchedId is { } id)
                {
                    var period = existing[id];
                    (period.StartDate, period.EndDate, period.Reason) = (start, end, line.Description);
                }
                else
                {
                    db.Closures.Add(new Closure { MunicipalityId = municipalityId, StartDate = start, EndDate = end, Reason = line.Description });
                }
            }
            await db.SaveChangesAsync(token);
            return plan;
        }, ct);

    private Task<int> BookedAsync(DateOnly start, DateOnly end, CancellationToken ct) =>
        db.Bookings.CountAsync(b => b.CancelledAtUtc == null && b.Date >= start && b.Date <= end, ct);

    private static string Overlaps(Closure other) =>
        $"Chevauche « {other.Reason} » du {FrenchDates.Numeric(other.StartDate)} au {FrenchDates.Numeric(other.EndDate)}, déjà enregistrée.";

    private static string Booked(int count) =>
        $"{count} réservation(s) existent sur ces jours : fermez-les depuis « Fermetures », qui annule les réservations et prévient les familles.";
}
