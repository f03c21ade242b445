using System.Globalization;
using System.Net;
using FamilyPortal.Web.Features.Reservations.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;

namespace FamilyPortal.Tests.Features.Reservations;

/// <summary>
/// A child's bookings seen by staff, and booking or cancelling on the family's behalf. The clock stands on
/// Monday 16/11/2026 08:00: Tuesday 17/11 is past its booking deadline (Friday 13/11 10:00), Friday 20/11
/// (booked by TenantBuilder) can still be cancelled until Wednesday 18/11 10:00.
/// </summary>
public class StaffBookingsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static readonly DateOnly Tuesday = new(2026, 11, 17);
    private static readonly DateOnly BookedFriday = new(2026, 11, 20);

    private static string Url(int childId) => $"/admin/enfants/{childId}/reservations?du=2026-11-01&au=2026-11-30";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(TenantBuilder.Tenant Tenant, StaffJourney.StaffAccount Staff, PageClient Client)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        return (tenant, staff, await StaffJourney.SignInAsync(factory, staff));
    }

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db);
    }

    private Task<List<Booking>> BookingsOfAsync(int childId) =>
        ReadAsync(db => db.Bookings.IgnoreQueryFilters().AsNoTracking().Where(b => b.ChildId == childId).OrderBy(b => b.Date).ToListAsync());

    private Task<int> LoadAsync(int activityId, DateOnly day) =>
        ReadAsync(db => db.ActivityDayLoads.IgnoreQueryFilters().Where(l => l.ActivityId == activityId && l.Date == day).Select(l => l.Booked).SingleOrDefaultAsync());

    private Task<int> JournalCountAsync(int municipalityId) =>
        ReadAsync(db => db.JournalEntries.IgnoreQueryFilters().CountAsync(j => j.MunicipalityId == municipalityId && j.ActorIsStaff));

    private static Dictionary<string, string?> BookForm(int activityId, DateOnly from, DateOnly? to = null, string? reason = "Oubli de la famille") => new()
    {
        ["Book.ActivityId"] = activityId.ToString(CultureInfo.InvariantCulture),
        ["Book.From"] = Iso(from),
        ["Book.To"] = to is { } end ? Iso(end) : "",
        ["Book.Reason"] = reason,
    };

    private static async Task<HttpResponseMessage> BookAsync(PageClient client, int childId, Dictionary<string, string?> form) =>
        await client.PostFormAsync(Url(childId), form, formAction: "handler=Book");

    [Fact]
    public async Task Staff_book_past_the_deadline_with_a_reason_the_family_is_emailed_and_the_place_taken()
    {
        var (tenant, staff, client) = await AgentAsync();

        var response = await BookAsync(client, tenant.ChildId, BookForm(tenant.ActivityId, Tuesday));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var booking = (await BookingsOfAsync(tenant.ChildId)).Single(b => b.Date == Tuesday);
        Assert.True(booking.IsActive);
        Assert.Equal("Oubli de la famille", booking.StaffReason);
        Assert.Equal(staff.Id, booking.CreatedByAccountId);
        Assert.Equal(1, await LoadAsync(tenant.ActivityId, Tuesday));
        var mail = Assert.Single(await MailToAsync(factory, tenant.FamilyEmail));
        Assert.StartsWith("Réservation faite par la mairie", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("La mairie a réservé pour Lou :\n• GT - RESTAURATION – mardi 17 novembre 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Motif : Oubli de la famille", mail.TextBody, StringComparison.Ordinal);

        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("1 réservation(s) faite(s) pour Lou", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector($"[data-testid=reservation-{booking.Id}]")!.TextContent;
        Assert.Contains("réservée", row, StringComparison.Ordinal);
        Assert.Contains("la mairie (Claire AGENT) — motif : Oubli de la famille", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_books_each_day_the_activity_runs_and_says_which_were_skipped()
    {
        var (tenant, _, client) = await AgentAsync();

        // Monday 16 to Friday 20/11: Wednesday is not served, Friday is already booked.
        var response = await BookAsync(client, tenant.ChildId, BookForm(tenant.ActivityId, new DateOnly(2026, 11, 16), BookedFriday));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var active = (await BookingsOfAsync(tenant.ChildId)).Where(b => b.IsActive).Select(b => b.Date).ToList();
        Assert.Equal([new DateOnly(2026, 11, 16), Tuesday, new DateOnly(2026, 11, 19), BookedFriday], active);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        var notice = page.QuerySelector("[role=status]")!.TextContent;
        Assert.Contains("3 réservation(s) faite(s) pour Lou", notice, StringComparison.Ordinal);
        Assert.Contains("Jours non réservés : vendredi 20 novembre 2026 (déjà réservé)", notice, StringComparison.Ordinal);
        Assert.Single(await MailToAsync(factory, tenant.FamilyEmail));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Without_a_reason_nothing_is_booked(string reason)
    {
        var (tenant, _, client) = await AgentAsync();
        var journal = await JournalCountAsync(tenant.MunicipalityId);

        var response = await BookAsync(client, tenant.ChildId, BookForm(tenant.ActivityId, Tuesday, reason: reason));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ChildBookingsModel.ReasonRequired, PageClient.ErrorOf(await PageClient.ParseAsync(response), "Book.Reason"));
        Assert.DoesNotContain(await BookingsOfAsync(tenant.ChildId), b => b.Date == Tuesday);
        Assert.Equal(0, await LoadAsync(tenant.ActivityId, Tuesday));
        Assert.Empty(await MailToAsync(factory, tenant.FamilyEmail));
        Assert.Equal(journal, await JournalCountAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_full_day_is_refused_to_staff_too_and_nothing_is_written()
    {
        var (tenant, _, client) = await AgentAsync();
        var otherFamily = await AddFamilyAsync(factory, tenant);
        var sam = await ChildOfAsync(factory, tenant.MunicipalityId, otherFamily);
        // Friday 20/11: Lou holds the only place.
        await SetCapacityAsync(factory, tenant.MunicipalityId, tenant.ActivityId, 1);

        var response = await BookAsync(client, sam, BookForm(tenant.ActivityId, BookedFriday));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Plus de place le vendredi 20 novembre 2026 pour GT - RESTAURATION (complet : 1 place(s) ce jour-là). Aucune réservation n'a été faite.",
            PageClient.ErrorOf(await PageClient.ParseAsync(response), "Book.From"));
        Assert.Empty(await BookingsOfAsync(sam));
        Assert.Equal(1, await LoadAsync(tenant.ActivityId, BookedFriday));
    }

    [Fact]
    public async Task A_period_with_one_full_day_books_none_of_its_days()
    {
        var (tenant, _, client) = await AgentAsync();
        var otherFamily = await AddFamilyAsync(factory, tenant);
        var sam = await ChildOfAsync(factory, tenant.MunicipalityId, otherFamily);
        await SetCapacityAsync(factory, tenant.MunicipalityId, tenant.ActivityId, 1);

        var response = await BookAsync(client, sam, BookForm(tenant.ActivityId, new DateOnly(2026, 11, 16), BookedFriday));

        Assert.Contains("Plus de place le vendredi 20 novembre 2026", PageClient.ErrorOf(await PageClient.ParseAsync(response), "Book.From"), StringComparison.Ordinal);
        Assert.Empty(await BookingsOfAsync(sam));
        Assert.Equal(0, await LoadAsync(tenant.ActivityId, new DateOnly(2026, 11, 16)));
        Assert.Equal(0, await LoadAsync(tenant.ActivityId, Tuesday));
        Assert.Equal(1, await LoadAsync(tenant.ActivityId, BookedFriday));
        Assert.Empty(await ReadAsync(db => db.OutboxMessages.Where(m => m.MunicipalityId == tenant.MunicipalityId).ToListAsync()));
    }

    [Theory]
    [InlineData("2026-12-21", "Réservation impossible le lundi 21 décembre 2026 : fermé (Vacances de Noël).")]
    [InlineData("2027-03-29", "Réservation impossible le lundi 29 mars 2027 : jour férié (Lundi de Pâques).")]
    [InlineData("2026-11-18", "Réservation impossible le mercredi 18 novembre 2026 : la prestation n'a pas lieu ce jour-là.")]
    [InlineData("2027-07-05", "Réservation impossible le lundi 5 juillet 2027 : hors année scolaire.")]
    [InlineData("2026-11-20", "Lou a déjà une réservation le vendredi 20 novembre 2026 pour GT - RESTAURATION.")]
    public async Task Days_without_service_are_refused_to_staff_and_nothing_is_written(string day, string message)
    {
        var (tenant, _, client) = await AgentAsync();
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var before = (await BookingsOfAsync(tenant.ChildId)).Count;

        var response = await BookAsync(client, tenant.ChildId, BookForm(tenant.ActivityId, date));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), "Book.From"));
        Assert.Equal(before, (await BookingsOfAsync(tenant.ChildId)).Count);
        Assert.Empty(await MailToAsync(factory, tenant.FamilyEmail));
    }

    [Fact]
    public async Task An_archived_activity_or_another_collectivites_cannot_be_booked()
    {
        var (tenant, _, client) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var archived = await ReadAsync(async db =>
        {
            var activity = new Activity { MunicipalityId = tenant.MunicipalityId, SiteId = tenant.SiteId, ServiceKindId = await db.ServiceKinds.IgnoreQueryFilters().Where(k => k.MunicipalityId == tenant.MunicipalityId).Select(k => k.Id).FirstAsync(), Label = "GT - ANCIEN ACCUEIL", IsArchived = true };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });

        var archivedResponse = await BookAsync(client, tenant.ChildId, BookForm(archived, Tuesday));
        var foreignResponse = await BookAsync(client, tenant.ChildId, BookForm(other.ActivityId, Tuesday));

        Assert.Equal("Cette prestation est archivée : elle ne peut plus être réservée.", PageClient.ErrorOf(await PageClient.ParseAsync(archivedResponse), "Book.ActivityId"));
        Assert.Equal("Choisissez la prestation dans la liste.", PageClient.ErrorOf(await PageClient.ParseAsync(foreignResponse), "Book.ActivityId"));
        Assert.DoesNotContain(await BookingsOfAsync(tenant.ChildId), b => b.Date == Tuesday);
        Assert.Equal(0, await LoadAsync(other.ActivityId, Tuesday));
    }

    [Fact]
    public async Task Another_collectivites_child_answers_404_and_nothing_is_booked()
    {
        var (tenant, _, client) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var page = await client.GetPageAsync(Url(tenant.ChildId));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(other.ChildId))).StatusCode);
        var form = BookForm(other.ActivityId, Tuesday);
        form["__RequestVerificationToken"] = token;
        var post = await client.Http.PostAsync($"/admin/enfants/{other.ChildId}/reservations?handler=Book", new FormUrlEncodedContent(form!));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(await BookingsOfAsync(other.ChildId), b => b.Date == Tuesday);
    }

    [Fact]
    public async Task Staff_cancel_late_past_the_deadline_and_in_time_before_it_and_the_places_are_given_back()
    {
        var (tenant, staff, client) = await AgentAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(client, tenant.ChildId, BookForm(tenant.ActivityId, Tuesday))).StatusCode);
        var bookings = await BookingsOfAsync(tenant.ChildId);
        var late = bookings.Single(b => b.Date == Tuesday);
        var inTime = bookings.Single(b => b.Date == BookedFriday);

        var page = await client.GetPageAsync(Url(tenant.ChildId));
        var response = await client.SubmitAsync(page, Url(tenant.ChildId), new Dictionary<string, string?>
        {
            ["Cancel.BookingIds"] = null,
            ["Cancel.Reason"] = "Enfant malade",
        }, formAction: "handler=Cancel");
        // Both boxes: the form posts one value per checked box.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cochez au moins une réservation à annuler.", PageClient.ErrorOf(await PageClient.ParseAsync(response), "Cancel.BookingIds"));

        var post = await client.Http.PostAsync(Url(tenant.ChildId) + "&handler=Cancel", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Cancel.BookingIds", late.Id.ToString(CultureInfo.InvariantCulture)),
            new("Cancel.BookingIds", inTime.Id.ToString(CultureInfo.InvariantCulture)), new("Cancel.Reason", "Enfant malade"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var after = await BookingsOfAsync(tenant.ChildId);
        var lateAfter = after.Single(b => b.Id == late.Id);
        var inTimeAfter = after.Single(b => b.Id == inTime.Id);
        Assert.Equal((CancellationKind.Late, staff.Id, "Enfant malade"), (lateAfter.Cancellation, lateAfter.CancelledByAccountId, lateAfter.CancellationReason));
        Assert.Equal((CancellationKind.InTime, staff.Id, "Enfant malade"), (inTimeAfter.Cancellation, inTimeAfter.CancelledByAccountId, inTimeAfter.CancellationReason));
        Assert.False(lateAfter.IsActive);
        Assert.Equal(0, await LoadAsync(tenant.ActivityId, Tuesday));
        Assert.Equal(0, await LoadAsync(tenant.ActivityId, BookedFriday));
        var mail = (await MailToAsync(factory, tenant.FamilyEmail)).Single(m => m.Subject.StartsWith("Réservation annulée par la mairie", StringComparison.Ordinal));
        Assert.Contains("• GT - RESTAURATION – mardi 17 novembre 2026 (hors délai : reste facturée sauf justificatif accepté par la mairie)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("• GT - RESTAURATION – vendredi 20 novembre 2026 (sans frais)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Motif : Enfant malade", mail.TextBody, StringComparison.Ordinal);

        var list = await client.GetPageAsync(Url(tenant.ChildId));
        Assert.Contains("annulée hors délai", list.QuerySelector($"[data-testid=reservation-{late.Id}]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("annulée dans les délais", list.QuerySelector($"[data-testid=reservation-{inTime.Id}]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("la mairie (Claire AGENT) — motif : Enfant malade", list.QuerySelector($"[data-testid=reservation-{inTime.Id}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_without_a_reason_or_an_already_cancelled_booking_writes_nothing()
    {
        var (tenant, _, client) = await AgentAsync();
        var friday = (await BookingsOfAsync(tenant.ChildId)).Single(b => b.Date == BookedFriday);
        var page = await client.GetPageAsync(Url(tenant.ChildId));

        var withoutReason = await client.SubmitAsync(page, Url(tenant.ChildId), new Dictionary<string, string?>
        {
            ["Cancel.BookingIds"] = friday.Id.ToString(CultureInfo.InvariantCulture),
            ["Cancel.Reason"] = "",
        }, formAction: "handler=Cancel");

        Assert.Equal(ChildBookingsModel.ReasonRequired, PageClient.ErrorOf(await PageClient.ParseAsync(withoutReason), "Cancel.Reason"));
        Assert.True((await BookingsOfAsync(tenant.ChildId)).Single(b => b.Id == friday.Id).IsActive);
        Assert.Equal(1, await LoadAsync(tenant.ActivityId, BookedFriday));

        // The page was opened before someone else cancelled the booking.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, Url(tenant.ChildId), new Dictionary<string, string?>
        {
            ["Cancel.BookingIds"] = friday.Id.ToString(CultureInfo.InvariantCulture),
            ["Cancel.Reason"] = "Absent",
        }, formAction: "handler=Cancel")).StatusCode);
        var again = await client.SubmitAsync(page, Url(tenant.ChildId), new Dictionary<string, string?>
        {
            ["Cancel.BookingIds"] = friday.Id.ToString(CultureInfo.InvariantCulture),
            ["Cancel.Reason"] = "Absent encore",
        }, formAction: "handler=Cancel");

        Assert.Equal("La réservation du vendredi 20 novembre 2026 (GT - RESTAURATION) est déjà annulée : la liste a été mise à jour.",
            PageClient.ErrorOf(await PageClient.ParseAsync(again), "Cancel.BookingIds"));
        Assert.Equal("Absent", (await BookingsOfAsync(tenant.ChildId)).Single(b => b.Id == friday.Id).CancellationReason);
        Assert.Equal(0, await LoadAsync(tenant.ActivityId, BookedFriday));
        Assert.Single(await MailToAsync(factory, tenant.FamilyEmail));
    }

    [Fact]
    public async Task Another_collectivites_booking_cannot_be_cancelled_from_a_childs_page()
    {
        var (tenant, _, client) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var foreign = (await BookingsOfAsync(other.ChildId)).Single();
        var page = await client.GetPageAsync(Url(tenant.ChildId));

        var response = await client.SubmitAsync(page, Url(tenant.ChildId), new Dictionary<string, string?>
        {
            ["Cancel.BookingIds"] = foreign.Id.ToString(CultureInfo.InvariantCulture),
            ["Cancel.Reason"] = "Pirate",
        }, formAction: "handler=Cancel");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await BookingsOfAsync(other.ChildId)).Single().IsActive);
        Assert.Equal(1, await LoadAsync(other.ActivityId, BookedFriday));
    }

    [Fact]
    public async Task The_period_lists_the_childs_bookings_with_status_and_who_did_it()
    {
        var (tenant, staff, client) = await AgentAsync();
        var cancelled = new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc);
        await ReadAsync(async db =>
        {
            db.Bookings.AddRange(
                new Booking
                {
                    MunicipalityId = tenant.MunicipalityId,
                    ChildId = tenant.ChildId,
                    ActivityId = tenant.ActivityId,
                    Date = new DateOnly(2026, 11, 2),
                    CreatedByAccountId = tenant.LinkedAccountId,
                    CancelledAtUtc = cancelled,
                    Cancellation = CancellationKind.InTime,
                    CancelledByAccountId = tenant.LinkedAccountId
                },
                new Booking
                {
                    MunicipalityId = tenant.MunicipalityId,
                    ChildId = tenant.ChildId,
                    ActivityId = tenant.ActivityId,
                    Date = new DateOnly(2026, 11, 3),
                    CreatedByAccountId = staff.Id,
                    StaffReason = "Rattrapage",
                    CancelledAtUtc = cancelled,
                    Cancellation = CancellationKind.Late,
                    CancelledByAccountId = staff.Id,
                    CancellationReason = "Sortie scolaire"
                },
                new Booking
                {
                    MunicipalityId = tenant.MunicipalityId,
                    ChildId = tenant.ChildId,
                    ActivityId = tenant.ActivityId,
                    Date = new DateOnly(2026, 11, 5),
                    CancelledAtUtc = cancelled,
                    Cancellation = CancellationKind.Closure
                },
                new Booking { MunicipalityId = tenant.MunicipalityId, ChildId = tenant.ChildId, ActivityId = tenant.ActivityId, Date = new DateOnly(2026, 12, 1) });
            return await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync(Url(tenant.ChildId));

        var rows = page.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "lundi 2 novembre 2026 | GT - RESTAURATION | annulée dans les délais | la famille | la famille | ",
            "mardi 3 novembre 2026 | GT - RESTAURATION | annulée hors délai | la mairie (Claire AGENT) — motif : Rattrapage | la mairie (Claire AGENT) — motif : Sortie scolaire | ",
            "jeudi 5 novembre 2026 | GT - RESTAURATION | annulée par la collectivité (fermeture) | la famille | la collectivité (fermeture) | ",
            "vendredi 20 novembre 2026 | GT - RESTAURATION | réservée | la famille | — | Annuler la réservation du 20/11/2026, GT - RESTAURATION",
        ], rows);
        var december = await client.GetPageAsync($"/admin/enfants/{tenant.ChildId}/reservations?du=2026-12-01&au=2026-12-31");
        Assert.Single(december.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task The_family_page_links_to_each_childs_bookings()
    {
        var (tenant, _, client) = await AgentAsync();

        var page = await client.GetPageAsync($"/admin/familles/{tenant.FamilyId}");

        Assert.NotNull(page.QuerySelector($"a[href='/admin/enfants/{tenant.ChildId}/reservations']"));
    }
}
