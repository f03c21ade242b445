using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data.Demo;

/// <summary>
/// The demo's billing: three tranches de quotient familial priced for the canteen and the first evening
/// slot, the DUPOND family's quotient, its bookings of September 2026 and their issued invoice, so that
/// « Mes factures » and the staff's « Factures » have something to show from the start.
/// </summary>
public sealed class DemoBilling(FamilyPortalDbContext db, TimeProvider time)
{
    public static readonly BillingMonth Month = new(2026, 9);
    private static readonly DateOnly IssueDate = new(2026, 10, 2);

    public async Task SeedAsync(int municipalityId, Family family, CancellationToken ct)
    {
        var activities = await db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == municipalityId && a.SiteId == family.Children[0].SiteId)
            .ToDictionaryAsync(a => a.Label, ct);
        var meal = activities.Values.Single(a => a.Label.EndsWith("RESTAURATION", StringComparison.Ordinal));
        var evening = activities.Values.Single(a => a.Label.Contains("16H05", StringComparison.Ordinal));
        var brackets = new[] { ("Tranche A", 0, 2.50m, 1.10m), ("Tranche B", 700, 3.40m, 1.45m), ("Tranche C", 1200, 4.10m, 1.80m) }
            .Select(t => (Bracket: new QuotientBracket { MunicipalityId = municipalityId, Label = t.Item1, MinQuotient = t.Item2 }, Meal: t.Item3, Evening: t.Item4))
            .ToList();
        foreach (var (bracket, mealPrice, eveningPrice) in brackets)
        {
            bracket.Prices.Add(new BracketPrice { MunicipalityId = municipalityId, ActivityId = meal.Id, Price = mealPrice });
            bracket.Prices.Add(new BracketPrice { MunicipalityId = municipalityId, ActivityId = evening.Id, Price = eveningPrice });
            db.QuotientBrackets.Add(bracket);
        }
        var quotient = new FamilyQuotient
        {
            MunicipalityId = municipalityId,
            FamilyId = family.Id,
            Value = 650,
            ValidFrom = new DateOnly(2026, 1, 1),
            ValidTo = new DateOnly(2026, 12, 31),
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.FamilyQuotients.Add(quotient);
        await db.SaveChangesAsync(ct);

        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        if (today < IssueDate)
        {
            return;
        }
        var bookings = SeptemberBookings(municipalityId, family, meal, evening);
        db.Bookings.AddRange(bookings);
        foreach (var day in bookings.Where(b => b.CancelledAtUtc is null).GroupBy(b => (b.ActivityId, b.Date)))
        {
            db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = municipalityId, ActivityId = day.Key.ActivityId, Date = day.Key.Date, Booked = day.Count() });
        }
        var children = family.Children.ToDictionary(c => c.Id);
        var prices = new PriceList(brackets.Select(b => new BracketBound(b.Bracket.Id, b.Bracket.Label, b.Bracket.MinQuotient)),
            brackets.SelectMany(b => b.Bracket.Prices.Select(p => (p.BracketId, p.ActivityId, p.Price))));
        var draft = InvoiceCalculator.Compute(
            bookings.Select(b => new BillableBooking(b.ChildId, children[b.ChildId].FullName, b.ActivityId, b.ActivityId == meal.Id ? meal.Label : evening.Label,
                b.ActivityId == meal.Id ? meal.UnitPrice : evening.UnitPrice, b.Date, b.CancelledAtUtc is not null, b.Cancellation, b.CancellationJustified)),
            prices, InvoiceCalculator.QuotientsOf([quotient]));
        var invoice = new Invoice
        {
            MunicipalityId = municipalityId,
            FamilyId = family.Id,
            Month = Month.FirstDay,
            Year = IssueDate.Year,
            Sequence = 1,
            Number = DocumentNumber.Invoice(IssueDate.Year, 1),
            IssuedAtUtc = IssueDate.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            IssueDate = IssueDate,
            DueDate = IssueDate.AddDays(30),
            HouseholdName = family.HouseholdName,
            Total = draft.Total,
            Status = InvoiceStatus.ToPay,
        };
        var position = 0;
        foreach (var line in draft.Lines)
        {
            invoice.Lines.Add(new InvoiceLine
            {
                MunicipalityId = municipalityId,
                Position = ++position,
                ChildId = line.ChildId,
                ChildName = line.ChildName,
                ActivityId = line.ActivityId,
                Description = line.Description,
                Quantity = line.Quantity,
                UnitPrice = line.UnitPrice,
                Amount = line.Amount,
                Bracket = line.Bracket,
            });
        }
        db.Invoices.Add(invoice);
        db.DocumentCounters.Add(new DocumentCounter { MunicipalityId = municipalityId, Series = DocumentSeries.Invoice, Year = IssueDate.Year, Last = 1 });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The canteen every school day for the elder, Mondays and Thursdays for the younger, one evening slot a week; one late cancellation.</summary>
    private static List<Booking> SeptemberBookings(int municipalityId, Family family, Activity meal, Activity evening)
    {
        var bookings = new List<Booking>();
        var elder = family.Children[0];
        var younger = family.Children[^1];
        for (var day = Month.FirstDay; day <= Month.LastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Wednesday or DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            bookings.Add(New(elder, meal, day));
            if (day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday)
            {
                bookings.Add(New(younger, meal, day));
            }
            if (day.DayOfWeek == DayOfWeek.Tuesday)
            {
                bookings.Add(New(elder, evening, day));
            }
        }
        var late = bookings.Last(b => b.ChildId == younger.Id);
        late.CancelledAtUtc = late.Date.AddDays(-1).ToDateTime(new TimeOnly(19, 0), DateTimeKind.Utc);
        late.Cancellation = CancellationKind.Late;
        return bookings;

        Booking New(Child child, Activity activity, DateOnly day) => new()
        {
            MunicipalityId = municipalityId,
            ChildId = child.Id,
            ActivityId = activity.Id,
            Date = day,
            CreatedAtUtc = Month.FirstDay.AddDays(-10).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
        };
    }
}
