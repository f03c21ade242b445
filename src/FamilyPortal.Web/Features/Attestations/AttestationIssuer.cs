using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attestations;

/// <summary>
/// Makes an attestation for a child of the family, or gives back the one already made for the same child, kind and
/// period: its number and figures never change, so the same request always prints the same document.
/// </summary>
public sealed class AttestationIssuer(FamilyPortalDbContext db, DocumentNumbers numbers, TimeProvider time)
{
    public const string NotConfigured = "La mairie n'a pas encore renseigné son SIRET et le signataire des attestations fiscales : adressez-vous à elle.";

    /// <summary>The attestation's id, or the field (« » for the whole form) and the French message of a refusal.</summary>
    public sealed record Outcome(int? AttestationId, string Field = "", string? Message = null);

    public DateOnly Today => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);

    /// <summary>The attestation fiscale of a year. Throws <see cref="KeyNotFoundException"/> for a child not of the family.</summary>
    public async Task<Outcome> TaxAsync(int familyId, int childId, int year, string? accountId, CancellationToken ct)
    {
        var child = await ChildAsync(familyId, childId, ct);
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (await ExistingAsync(childId, AttestationKind.Tax, start, end, ct) is { } existing)
        {
            return new Outcome(existing);
        }
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == child.MunicipalityId, ct);
        if (municipality.Siret is null || municipality.SignatoryName is null)
        {
            return new Outcome(null, "", NotConfigured);
        }
        if (!TaxCredit.IsUnderSixOnFirstJanuary(child.BirthDate, year))
        {
            return new Outcome(null, "ChildId", child.BirthDate is null
                ? $"La date de naissance de {child.FullName} n'est pas connue de la mairie : demandez-lui de la compléter."
                : $"{child.FullName} avait 6 ans ou plus au 1er janvier {year} : les frais de garde de cette année-là n'ouvrent pas droit au crédit d'impôt.");
        }
        var amounts = await PaidAsync(familyId, childId, year, ct);
        if (amounts.Count == 0)
        {
            return new Outcome(null, "Year", $"Aucun paiement reçu en {year} pour des prestations de garde éligibles de {child.FullName}.");
        }
        var lines = amounts.Select(a => new AttestationLine { MunicipalityId = child.MunicipalityId, Activity = a.Activity, Amount = a.Amount }).ToList();
        return await SaveAsync(child, municipality, AttestationKind.Tax, start, end, amounts.Sum(a => a.Amount), lines, accountId, ct);
    }

    /// <summary>The attestation de présence of a period already checked by <see cref="Presence.CheckPeriod"/>.</summary>
    public async Task<Outcome> PresenceAsync(int familyId, int childId, DateOnly first, DateOnly last, string? accountId, CancellationToken ct)
    {
        var child = await ChildAsync(familyId, childId, ct);
        if (await ExistingAsync(childId, AttestationKind.Presence, first, last, ct) is { } existing)
        {
            return new Outcome(existing);
        }
        // Booked and not cancelled: once attendance is taken (pointage), read the days marked present here instead.
        var booked = await (from b in db.Bookings.AsNoTracking()
                            join a in db.Activities on b.ActivityId equals a.Id
                            where b.ChildId == childId && b.Date >= first && b.Date <= last && b.CancelledAtUtc == null
                            select new Presence.BookedDay(a.Id, a.Label, b.Date)).ToListAsync(ct);
        var days = Presence.Group(booked);
        if (days.Count == 0)
        {
            return new Outcome(null, "From", $"{child.FullName} n'a aucune journée réservée du {FrenchDates.Numeric(first)} au {FrenchDates.Numeric(last)}.");
        }
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == child.MunicipalityId, ct);
        var lines = days.Select(d => new AttestationLine
        {
            MunicipalityId = child.MunicipalityId,
            Activity = d.Activity,
            Days = d.Dates.Count,
            Dates = string.Join(", ", d.Dates.Select(FrenchDates.Numeric)),
        }).ToList();
        return await SaveAsync(child, municipality, AttestationKind.Presence, first, last, null, lines, accountId, ct);
    }

    private async Task<Child> ChildAsync(int familyId, int childId, CancellationToken ct) =>
        await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId && c.FamilyId == familyId, ct)
            ?? throw new KeyNotFoundException();

    private Task<int?> ExistingAsync(int childId, AttestationKind kind, DateOnly start, DateOnly end, CancellationToken ct) =>
        db.Attestations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.Kind == kind && a.PeriodStart == start && a.PeriodEnd == end)
            .Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);

    private async Task<IReadOnlyList<TaxCredit.ActivityAmount>> PaidAsync(int familyId, int childId, int year, CancellationToken ct)
    {
        var eligible = await db.Activities.AsNoTracking()
            .Where(a => a.TaxCreditEligible && !db.ServiceKinds.Any(k => k.Id == a.ServiceKindId && k.IsCatering))
            .ToDictionaryAsync(a => a.Id, a => a.Label, ct);
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var payments = await (from p in db.Payments.AsNoTracking()
                              join i in db.Invoices on p.InvoiceId equals i.Id
                              where i.FamilyId == familyId && p.Date >= start && p.Date <= end
                              select new TaxCredit.PaymentFigures(p.InvoiceId, p.Date, p.Amount)).ToListAsync(ct);
        var invoiceIds = payments.Select(p => p.InvoiceId).Distinct().ToList();
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => invoiceIds.Contains(i.Id)).ToListAsync(ct);
        var figures = invoices.Select(i => new TaxCredit.InvoiceFigures(i.Id, i.Total,
            i.Lines.Select(l => new TaxCredit.LineFigures(l.ChildId, l.ActivityId, l.Amount)).ToList()));
        return TaxCredit.PaidIn(year, childId, eligible, figures, payments);
    }

    private async Task<Outcome> SaveAsync(Child child, Municipality municipality, AttestationKind kind, DateOnly start, DateOnly end,
        decimal? amount, List<AttestationLine> lines, string? accountId, CancellationToken ct)
    {
        var household = await db.Families.AsNoTracking().Where(f => f.Id == child.FamilyId).Select(f => f.HouseholdName).SingleAsync(ct);
        var adults = await db.ResponsibleAdults.AsNoTracking().Where(a => a.FamilyId == child.FamilyId).OrderBy(a => a.Position)
            .Select(a => new { a.Civility, a.FirstName, a.LastName }).ToListAsync(ct);
        var parents = string.Join(", ", adults.Select(a => $"{a.Civility} {a.FirstName} {a.LastName}".Trim()));
        var now = time.GetUtcNow();
        var today = ParisClock.Today(now, ParisClock.Zone);
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                var sequence = await numbers.ReserveAsync(child.MunicipalityId, DocumentSeries.Attestation, today.Year, 1, token);
                var attestation = new Attestation
                {
                    MunicipalityId = child.MunicipalityId,
                    FamilyId = child.FamilyId,
                    ChildId = child.Id,
                    Kind = kind,
                    Year = today.Year,
                    Sequence = sequence,
                    Number = DocumentNumber.Attestation(today.Year, sequence),
                    PeriodStart = start,
                    PeriodEnd = end,
                    Amount = amount,
                    ChildName = child.FullName,
                    ChildBirthDate = child.BirthDate,
                    HouseholdName = household,
                    Parents = parents.Length == 0 ? household : parents,
                    MunicipalityName = municipality.Name,
                    MunicipalityAddress = municipality.PostalAddress,
                    Siret = municipality.Siret,
                    SignatoryName = municipality.SignatoryName,
                    SignatoryTitle = municipality.SignatoryTitle,
                    IssueDate = today,
                    CreatedAtUtc = now.UtcDateTime,
                    CreatedByAccountId = accountId,
                };
                for (var i = 0; i < lines.Count; i++)
                {
                    lines[i].Position = i + 1;
                    attestation.Lines.Add(lines[i]);
                }
                db.Attestations.Add(attestation);
                await db.SaveChangesAsync(token);
                return new Outcome(attestation.Id);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // The same attestation asked at the same moment in another tab: its unique index kept the first one.
            db.ChangeTracker.Clear();
            return new Outcome(await ExistingAsync(child.Id, kind, start, end, ct) ?? throw new InvalidOperationException("Attestation introuvable après un conflit."));
        }
    }
}
