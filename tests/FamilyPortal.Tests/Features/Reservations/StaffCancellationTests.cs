using System.Globalization;
using System.Net;
using FamilyPortal.Web.Features.Reservations.Admin;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Reservations;

/// <summary>Staff cancel bookings late or in time with a reason, never another collectivité's, and follow a child's bookings of a period.</summary>
public sealed class StaffCancellationTests(AccountsFactory fixture) : StaffBookingsTestsBase(fixture), IClassFixture<AccountsFactory>
{
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
        var mail = (await MailToAsync(Factory, tenant.FamilyEmail)).Single(m => m.Subject.StartsWith("Réservation annulée par la mairie", StringComparison.Ordinal));
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
        Assert.Single(await MailToAsync(Factory, tenant.FamilyEmail));
    }

    [Fact]
    public async Task Another_collectivites_booking_cannot_be_cancelled_from_a_childs_page()
    {
        var (tenant, _, client) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(Factory);
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
