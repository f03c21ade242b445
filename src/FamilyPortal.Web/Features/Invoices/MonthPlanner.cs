using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>The invoice a family would get for the month, before it is issued.</summary>
public sealed record FamilyInvoicePlan(int FamilyId, string HouseholdName, InvoiceDraft Draft);

/// <summary>What issuing a month would do: an invoice for each family not yet invoiced that owes something.</summary>
public sealed record MonthPlan(BillingMonth Month, IReadOnlyList<FamilyInvoicePlan> ToIssue, int AlreadyIssued)
{
    public int Count => ToIssue.Count;

    public decimal Total => ToIssue.Sum(p => p.Draft.Total);
}

/// <summary>
/// Computes the invoices of a month for the current collectivité from its bookings (and, for the activities
/// that bill the attendance, their pointage), prices and quotients,
/// in a handful of reads (a month of a large town is about a hundred thousand bookings).
/// </summary>
public sealed class MonthPlanner(FamilyPortalDbContext db)
{
    public async Task<MonthPlan> PlanAsync(BillingMonth month, CancellationToken ct)
    {
        var first = month.FirstDay;
        var last = month.LastDay;
        var invoiced = (await db.Invoices.AsNoTracking().Where(i => i.Month == first).Select(i => i.FamilyId).ToListAsync(ct)).ToHashSet();
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Date >= first && b.Date <= last
                && (b.CancelledAtUtc == null || (b.Cancellation == CancellationKind.Late && !b.CancellationJustified)))
            .Select(b => new { b.ChildId, b.ActivityId, b.Date, Cancelled = b.CancelledAtUtc != null, b.Cancellation, b.CancellationJustified })
            .ToListAsync(ct);
        var children = await db.Children.AsNoTracking()
            .Select(c => new { c.Id, c.FamilyId, Name = c.FirstName + " " + c.LastName }).ToDictionaryAsync(c => c.Id, ct);
        var activities = await db.Activities.AsNoTracking()
            .Select(a => new { a.Id, a.Label, a.UnitPrice, a.Billing, a.BillUnannouncedAbsences }).ToDictionaryAsync(a => a.Id, ct);
        var byAttendance = activities.Values.Where(a => a.Billing == AttendanceBilling.Attendance).Select(a => a.Id).ToList();
        if (byAttendance.Count > 0)
        {
            // The activities that bill the attendance: a day booked is dropped when its pointage says so.
            var marks = (await db.AttendanceMarks.AsNoTracking()
                .Where(m => m.Date >= first && m.Date <= last && byAttendance.Contains(m.ActivityId))
                .Select(m => new { m.ChildId, m.ActivityId, m.Date, m.Status, m.Motif }).ToListAsync(ct))
                .ToDictionary(m => (m.ChildId, m.ActivityId, m.Date));
            bookings = bookings.Where(b => b.Cancelled || !marks.TryGetValue((b.ChildId, b.ActivityId, b.Date), out var mark)
                || AttendanceBillingRule.IsBilled(activities[b.ActivityId].Billing, activities[b.ActivityId].BillUnannouncedAbsences, mark.Status, mark.Motif))
                .ToList();
        }
        var families = await db.Families.AsNoTracking().Select(f => new { f.Id, f.HouseholdName }).ToDictionaryAsync(f => f.Id, f => f.HouseholdName, ct);
        var prices = await LoadPricesAsync(ct);
        var quotients = (await db.FamilyQuotients.AsNoTracking().Where(q => q.ValidFrom <= last && q.ValidTo >= first).ToListAsync(ct))
            .ToLookup(q => q.FamilyId);

        var plans = new List<FamilyInvoicePlan>();
        foreach (var family in bookings.GroupBy(b => children[b.ChildId].FamilyId))
        {
            if (invoiced.Contains(family.Key))
            {
                continue;
            }
            var draft = InvoiceCalculator.Compute(
                family.Select(b => new BillableBooking(b.ChildId, children[b.ChildId].Name, b.ActivityId, activities[b.ActivityId].Label,
                    activities[b.ActivityId].UnitPrice, b.Date, b.Cancelled, b.Cancellation, b.CancellationJustified)),
                prices, InvoiceCalculator.QuotientsOf(quotients[family.Key]));
            if (!draft.IsEmpty)
            {
                plans.Add(new FamilyInvoicePlan(family.Key, families[family.Key], draft));
            }
        }
        plans.Sort((a, b) => InvoiceCalculator.FrenchOrder.Compare(a.HouseholdName, b.HouseholdName) is var byName and not 0
            ? byName : a.FamilyId.CompareTo(b.FamilyId));
        return new MonthPlan(month, plans, invoiced.Count);
    }

    public async Task<PriceList> LoadPricesAsync(CancellationToken ct)
    {
        var brackets = await db.QuotientBrackets.AsNoTracking().Select(b => new BracketBound(b.Id, b.Label, b.MinQuotient)).ToListAsync(ct);
        var prices = await db.BracketPrices.AsNoTracking().Select(p => new { p.BracketId, p.ActivityId, p.Price }).ToListAsync(ct);
        return new PriceList(brackets, prices.Select(p => (p.BracketId, p.ActivityId, p.Price)));
    }
}
