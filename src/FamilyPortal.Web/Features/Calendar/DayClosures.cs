using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Calendar;

/// <summary>
/// Closes an activity, a site or the whole collectivité on dates (strike, « fermeture exceptionnelle »):
/// the bookings of those days are cancelled free of charge, their places given back, and each family
/// told by email — all in one transaction with the closure.
/// </summary>
public sealed class DayClosures(FamilyPortalDbContext db, CapacityGate gate, EmailOutbox outbox, PublicLinks links, TimeProvider time)
{
    public sealed record Request(DateOnly Start, DateOnly End, int? SiteId, int? ActivityId, string Reason);

    /// <summary>The active bookings the closure would cancel.</summary>
    public IQueryable<Booking> AffectedBookings(Request request) =>
        from b in db.Bookings
        where b.CancelledAtUtc == null && b.Date >= request.Start && b.Date <= request.End
        join a in db.Activities on b.ActivityId equals a.Id
        where (request.ActivityId == null || a.Id == request.ActivityId) && (request.SiteId == null || a.SiteId == request.SiteId)
        select b;

    public async Task<int> CloseAsync(int municipalityId, Request request, CancellationToken ct) =>
        await db.InTransactionAsync(async token =>
        {
            db.Closures.Add(new Closure
            {
                MunicipalityId = municipalityId,
                StartDate = request.Start,
                EndDate = request.End,
                SiteId = request.SiteId,
                ActivityId = request.ActivityId,
                Reason = request.Reason,
            });
            var bookings = await AffectedBookings(request).ToListAsync(token);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var booking in bookings)
            {
                booking.CancelledAtUtc = now;
                booking.Cancellation = CancellationKind.Closure;
                await gate.GiveBackAsync(booking.ActivityId, booking.Date, token);
            }
            await EmailFamiliesAsync(municipalityId, request, bookings, token);
            await db.SaveChangesAsync(token);
            return bookings.Count;
        }, ct);

    private async Task EmailFamiliesAsync(int municipalityId, Request request, List<Booking> bookings, CancellationToken ct)
    {
        if (bookings.Count == 0)
        {
            return;
        }
        var childIds = bookings.Select(b => b.ChildId).Distinct().ToList();
        var activityIds = bookings.Select(b => b.ActivityId).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.FamilyId, c.Family!.Email, c.Family.HouseholdName }).ToDictionaryAsync(c => c.Id, ct);
        var labels = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Label, ct);
        var municipalityName = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Name).SingleAsync(ct);
        foreach (var family in bookings.GroupBy(b => children[b.ChildId].FamilyId))
        {
            var first = children[family.First().ChildId];
            var lines = family.OrderBy(b => b.Date).ThenBy(b => children[b.ChildId].FirstName)
                .Select(b => $"• {children[b.ChildId].FirstName} – {labels[b.ActivityId]} – {FrenchDates.Spelled(b.Date)}");
            outbox.Enqueue(new OutgoingEmail
            {
                ToAddress = first.Email,
                ToName = first.HouseholdName,
                Subject = $"Fermeture exceptionnelle – réservations annulées – {municipalityName}",
                Paragraphs =
                [
                    request.Start == request.End
                        ? $"Le service sera fermé le {FrenchDates.Spelled(request.Start)} ({request.Reason})."
                        : $"Le service sera fermé du {FrenchDates.Spelled(request.Start)} au {FrenchDates.Spelled(request.End)} ({request.Reason}).",
                    "Les réservations suivantes sont annulées sans frais :\n" + string.Join('\n', lines),
                ],
                Action = new EmailLink("Voir mes réservations", links.Absolute("/reservations")),
                MunicipalityId = municipalityId,
                MunicipalityName = municipalityName,
            });
        }
    }
}
