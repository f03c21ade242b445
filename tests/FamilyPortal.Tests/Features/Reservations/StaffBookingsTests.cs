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
public sealed class StaffBookingsTests(AccountsFactory fixture) : StaffBookingsTestsBase(fixture), IClassFixture<AccountsFactory>
{
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
        var mail = Assert.Single(await MailToAsync(Factory, tenant.FamilyEmail));
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
        Assert.Single(await MailToAsync(Factory, tenant.FamilyEmail));
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
        Assert.Empty(await MailToAsync(Factory, tenant.FamilyEmail));
        Assert.Equal(journal, await JournalCountAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_full_day_is_refused_to_staff_too_and_nothing_is_written()
    {
        var (tenant, _, client) = await AgentAsync();
        var otherFamily = await AddFamilyAsync(Factory, tenant);
        var sam = await ChildOfAsync(Factory, tenant.MunicipalityId, otherFamily);
        // Friday 20/11: Lou holds the only place.
        await SetCapacityAsync(Factory, tenant.MunicipalityId, tenant.ActivityId, 1);

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
        var otherFamily = await AddFamilyAsync(Factory, tenant);
        var sam = await ChildOfAsync(Factory, tenant.MunicipalityId, otherFamily);
        await SetCapacityAsync(Factory, tenant.MunicipalityId, tenant.ActivityId, 1);

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
        Assert.Empty(await MailToAsync(Factory, tenant.FamilyEmail));
    }

    [Fact]
    public async Task An_archived_activity_or_another_collectivites_cannot_be_booked()
    {
        var (tenant, _, client) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(Factory);
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
        var other = await TenantBuilder.CreateAsync(Factory);
        var page = await client.GetPageAsync(Url(tenant.ChildId));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url(other.ChildId))).StatusCode);
        var form = BookForm(other.ActivityId, Tuesday);
        form["__RequestVerificationToken"] = token;
        var post = await client.Http.PostAsync($"/admin/enfants/{other.ChildId}/reservations?handler=Book", new FormUrlEncodedContent(form!));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(await BookingsOfAsync(other.ChildId), b => b.Date == Tuesday);
    }
}
