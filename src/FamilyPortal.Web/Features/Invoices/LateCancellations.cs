using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// The cancellations of a month made past the deadline, which are billed unless the collectivité accepts a
/// reason (a medical certificate…). Accepting one is possible while the family's invoice of that month is
/// not issued: an issued invoice never changes, it is corrected by a credit note.
/// </summary>
public sealed class LateCancellations(FamilyPortalDbContext db)
{
    public sealed record Row(long BookingId, DateOnly Date, string ChildName, int FamilyId, string HouseholdName, string Activity,
        DateTime CancelledAtUtc, bool Justified, string? InvoiceNumber);

    public enum Result
    {
        Justified,
        NotFound,
        AlreadyInvoiced,
    }

    public async Task<IReadOnlyList<Row>> OfMonthAsync(BillingMonth month, CancellationToken ct)
    {
        var first = month.FirstDay;
        var last = month.LastDay;
        var rows = await (from b in db.Bookings.AsNoTracking()
                          where b.Date >= first && b.Date <= last && b.Cancellation == CancellationKind.Late && b.CancelledAtUtc != null
                          join c in db.Children on b.ChildId equals c.Id
                          join f in db.Families on c.FamilyId equals f.Id
                          join a in db.Activities on b.ActivityId equals a.Id
                          orderby b.Date, f.HouseholdName, c.FirstName
                          select new { b.Id, b.Date, Child = c.FirstName + " " + c.LastName, FamilyId = f.Id, f.HouseholdName, a.Label, b.CancelledAtUtc, b.CancellationJustified })
            .ToListAsync(ct);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.Month == first)
            .Select(i => new { i.FamilyId, i.Number }).ToDictionaryAsync(i => i.FamilyId, i => i.Number, ct);
        return rows.Select(r => new Row(r.Id, r.Date, r.Child, r.FamilyId, r.HouseholdName, r.Label, r.CancelledAtUtc!.Value,
            r.CancellationJustified, invoices.GetValueOrDefault(r.FamilyId))).ToList();
    }

    /// <summary>
    /// Makes a late cancellation free, with one conditional update: it applies only while no invoice of that
    /// family and month exists, so an issue running at the same time either bills it or sees it free.
    /// </summary>
    public async Task<Result> JustifyAsync(long bookingId, CancellationToken ct)
    {
        var booking = await (from b in db.Bookings.AsNoTracking()
                             where b.Id == bookingId && b.Cancellation == CancellationKind.Late && b.CancelledAtUtc != null
                             join c in db.Children on b.ChildId equals c.Id
                             select new { b.Date, c.FamilyId }).SingleOrDefaultAsync(ct);
        if (booking is null)
        {
            return Result.NotFound;
        }
        var month = BillingMonth.Of(booking.Date).FirstDay;
        var updated = await db.Bookings
            .Where(b => b.Id == bookingId && !db.Invoices.Any(i => i.FamilyId == booking.FamilyId && i.Month == month))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.CancellationJustified, true), ct);
        return updated == 1 ? Result.Justified : Result.AlreadyInvoiced;
    }
}
