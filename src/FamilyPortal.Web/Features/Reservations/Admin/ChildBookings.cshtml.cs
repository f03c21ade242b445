using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations.Admin;

/// <summary>
/// A child's bookings over a period, with their status and who made or cancelled them; staff book or
/// cancel on the family's behalf from here, past the deadlines, always with a reason.
/// </summary>
public class ChildBookingsModel(
    FamilyPortalDbContext db, FamilyActivities familyActivities, StaffBookings staffBookings, CurrentMunicipality current, TimeProvider time) : PageModel
{
    public const int MaxPeriodDays = 366;
    public const int MaxReasonLength = 500;
    public const string ReasonRequired = "Indiquez le motif (obligatoire, 500 caractères au plus), par exemple « Certificat médical ».";

    public sealed class BookInput
    {
        public int? ActivityId { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class CancelInput
    {
        public List<long> BookingIds { get; set; } = [];
        public string? Reason { get; set; }
    }

    public sealed record Row(long Id, DateOnly Date, string Activity, string Status, bool IsActive, string BookedBy, string? CancelledBy);

    [BindProperty(SupportsGet = true, Name = "du")] public string? Du { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public string? Au { get; set; }

    [BindProperty] public BookInput Book { get; set; } = new();
    [BindProperty] public CancelInput Cancel { get; set; } = new();

    [TempData] public string? Notice { get; set; }

    public Child Child { get; private set; } = null!;
    public string HouseholdName { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Activity> Activities { get; private set; } = [];

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        if (!await LoadChildAsync(childId, ct))
        {
            return NotFound();
        }
        ReadPeriod();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(int childId, CancellationToken ct)
    {
        if (!await LoadChildAsync(childId, ct))
        {
            return NotFound();
        }
        ReadPeriod();
        var request = ValidateBooking();
        if (request is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        var outcome = await staffBookings.BookAsync(StaffMember(), Child, request, ct);
        if (outcome.Refused is { } refusal)
        {
            ModelState.AddModelError(refusal.Field == StaffBookings.Field.Activity ? "Book.ActivityId" : "Book.From", refusal.Message);
            await LoadAsync(ct);
            return Page();
        }
        Notice = $"{outcome.Done.Count} réservation(s) faite(s) pour {Child.FirstName} ({Shorten(outcome.Done)}). La famille est prévenue par email."
            + (outcome.Skipped.Count == 0 ? "" : $" Jours non réservés : {Shorten(outcome.Skipped)}.");
        return RedirectToPage(new { childId, du = Iso(From), au = Iso(To) });
    }

    public async Task<IActionResult> OnPostCancelAsync(int childId, CancellationToken ct)
    {
        if (!await LoadChildAsync(childId, ct))
        {
            return NotFound();
        }
        ReadPeriod();
        var reason = Reason(Cancel.Reason, "Cancel.Reason");
        if (Cancel.BookingIds.Count == 0)
        {
            ModelState.AddModelError("Cancel.BookingIds", "Cochez au moins une réservation à annuler.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var outcome = await staffBookings.CancelAsync(StaffMember(), Child, Cancel.BookingIds, reason!, ct);
        if (outcome is null)
        {
            return NotFound();
        }
        if (outcome.Refused is { } refusal)
        {
            ModelState.AddModelError("Cancel.BookingIds", refusal.Message);
            await LoadAsync(ct);
            return Page();
        }
        Notice = $"{outcome.Done.Count} réservation(s) annulée(s) pour {Child.FirstName}. La famille est prévenue par email.";
        return RedirectToPage(new { childId, du = Iso(From), au = Iso(To) });
    }

    private StaffBookings.Staff StaffMember() => new(current.AccountId!, current.Id!.Value, current.Name ?? "");

    /// <summary>A notice stays short: the first days, then how many more.</summary>
    private static string Shorten(IReadOnlyList<string> items) =>
        items.Count <= 5 ? string.Join(", ", items) : $"{string.Join(", ", items.Take(5))} et {items.Count - 5} autre(s)";

    private StaffBookings.BookRequest? ValidateBooking()
    {
        // An activity not offered in the list (archived, another site's) is refused by the service with its reason.
        if (Book.ActivityId is null)
        {
            ModelState.AddModelError("Book.ActivityId", "Choisissez la prestation dans la liste.");
        }
        var from = ParseDate(Book.From);
        if (from is null)
        {
            ModelState.AddModelError("Book.From", "Saisissez le jour à réserver, au format jj/mm/aaaa.");
        }
        var to = string.IsNullOrWhiteSpace(Book.To) ? from : ParseDate(Book.To);
        if (to is null && from is not null)
        {
            ModelState.AddModelError("Book.To", "Saisissez la date de fin, au format jj/mm/aaaa, ou laissez vide pour un seul jour.");
        }
        else if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError("Book.To", "La date de fin doit être le même jour ou après la date de début.");
        }
        else if (from is not null && to is not null && to.Value.DayNumber - from.Value.DayNumber >= MaxPeriodDays)
        {
            ModelState.AddModelError("Book.To", "Réservez au plus une année scolaire à la fois.");
        }
        var reason = Reason(Book.Reason, "Book.Reason");
        return ModelState.IsValid ? new StaffBookings.BookRequest(Book.ActivityId!.Value, from!.Value, to!.Value, reason!) : null;
    }

    private string? Reason(string? text, string key)
    {
        var reason = text?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReasonLength)
        {
            ModelState.AddModelError(key, ReasonRequired);
            return null;
        }
        return reason;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    /// <summary>The period shown: « du » and « au » from the address, the current month by default.</summary>
    private void ReadPeriod()
    {
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        From = ParseDate(Du) ?? monthStart;
        To = ParseDate(Au) ?? From.AddMonths(1).AddDays(-1);
        if (!string.IsNullOrWhiteSpace(Du) && ParseDate(Du) is null)
        {
            ModelState.AddModelError("du", "Saisissez la date de début, au format jj/mm/aaaa.");
        }
        if (!string.IsNullOrWhiteSpace(Au) && ParseDate(Au) is null)
        {
            ModelState.AddModelError("au", "Saisissez la date de fin, au format jj/mm/aaaa.");
        }
        if (To < From || To.DayNumber - From.DayNumber >= MaxPeriodDays)
        {
            ModelState.AddModelError("au", "La période va d'un jour à une année : la date de fin doit suivre la date de début.");
            To = From;
        }
    }

    private async Task<bool> LoadChildAsync(int childId, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Include(c => c.Family).SingleOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null)
        {
            return false;
        }
        Child = child;
        HouseholdName = child.Family!.HouseholdName;
        Activities = await familyActivities.ActivitiesForAsync(child, ct);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ChildId == Child.Id && b.Date >= From && b.Date <= To)
            .Join(db.Activities, b => b.ActivityId, a => a.Id, (b, a) => new { Booking = b, a.Label })
            .OrderBy(x => x.Booking.Date).ThenBy(x => x.Label).ThenBy(x => x.Booking.Id)
            .ToListAsync(ct);
        var accountIds = bookings.SelectMany(x => new[] { x.Booking.CreatedByAccountId, x.Booking.CancelledByAccountId })
            .OfType<string>().Distinct().ToList();
        var staff = await db.Users.AsNoTracking()
            .Where(u => accountIds.Contains(u.Id) && u.StaffMunicipalityId != null)
            .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName })
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Rows = bookings.Select(x => new Row(x.Booking.Id, x.Booking.Date, x.Label, BookingStatusText.Of(x.Booking), x.Booking.IsActive,
            By(x.Booking.CreatedByAccountId, x.Booking.StaffReason),
            x.Booking.IsActive ? null
                : x.Booking.Cancellation == CancellationKind.Closure ? "la collectivité (fermeture)"
                : By(x.Booking.CancelledByAccountId, x.Booking.CancellationReason))).ToList();

        string By(string? accountId, string? reason) =>
            accountId is not null && staff.TryGetValue(accountId, out var name)
                ? $"la mairie ({name}){(reason is null ? "" : $" — motif : {reason}")}"
                : "la famille";
    }
}
