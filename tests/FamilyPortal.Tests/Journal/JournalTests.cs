using System.Globalization;
using System.Net;
using FamilyPortal.Tests.Features.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;

namespace FamilyPortal.Tests.Journal;


public sealed class JournalTests(AccountsFactory fixture) : JournalTestsBase(fixture), IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task A_staff_edit_is_journalled_with_who_when_and_the_values_before_and_after()
    {
        var (tenant, staff, client) = await AdministratorAsync();

        var response = await client.PostFormAsync($"/admin/familles/fiche/{tenant.FamilyId}", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "DUPONT",
            ["Input.Phone"] = "06 12 34 56 78",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(tenant.MunicipalityId), e => e.ActorIsStaff);
        Assert.Equal((JournalAction.Modified, nameof(Family), tenant.FamilyId.ToString(CultureInfo.InvariantCulture)), (entry.Action, entry.EntityType, entry.EntityKey));
        Assert.Equal("Famille DUPONT modifiée", entry.Summary);
        Assert.Equal((staff.Id, staff.Login, "Claire AGENT"), (entry.ActorAccountId, entry.ActorLogin, entry.ActorName));
        Assert.Equal(Factory.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
        Assert.Equal(new JournalChange("HouseholdName", "MARTIN", "DUPONT"), Change(entry, "HouseholdName"));
        Assert.Equal(new JournalChange("Phone", null, "0612345678"), Change(entry, "Phone"));
        // Unchanged fields and the version counter are not listed.
        Assert.Equal(["HouseholdName", "Phone"], JournalValues.Parse(entry.Changes).Select(c => c.Field).Order());

        var page = await client.GetPageAsync(Url);
        var row = page.QuerySelector($"[data-testid=journal-{entry.Id}]")!.TextContent;
        Assert.Contains("Famille DUPONT modifiée", row, StringComparison.Ordinal);
        Assert.Contains($"Claire AGENT ({staff.Login})", row, StringComparison.Ordinal);
        Assert.Contains("Nom du foyer", row, StringComparison.Ordinal);
        Assert.Contains("MARTIN", row, StringComparison.Ordinal);
        Assert.Contains("DUPONT", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_written_without_the_journal_in_mind_is_journalled_too()
    {
        var (tenant, staff, client) = await AdministratorAsync();

        var response = await client.PostFormAsync("/admin/actualites/fiche", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Fête de l'école",
            ["Input.Body"] = "Le vendredi 26 juin à 17 h.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(tenant.MunicipalityId), e => e.ActorIsStaff);
        Assert.Equal(("Actualité Fête de l'école créée", JournalAction.Created, staff.Id), (entry.Summary, entry.Action, entry.ActorAccountId));
        Assert.Equal("Le vendredi 26 juin à 17 h.", Change(entry, "Body").After);
        Assert.NotNull(entry.EntityKey);
    }

    [Fact]
    public async Task A_refused_save_leaves_no_journal_entry()
    {
        var (tenant, _, client) = await AdministratorAsync();

        var response = await client.PostFormAsync($"/admin/familles/fiche/{tenant.FamilyId}", new Dictionary<string, string?> { ["Input.Email"] = "pas-une-adresse" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(await EntriesAsync(tenant.MunicipalityId), e => e.ActorIsStaff);
    }

    [Fact]
    public async Task A_staff_booking_and_its_cancellation_are_journalled_with_the_reason()
    {
        var (tenant, staff, client) = await AdministratorAsync();
        var url = $"/admin/enfants/{tenant.ChildId}/reservations?du=2026-11-01&au=2026-11-30";

        await client.PostFormAsync(url, new Dictionary<string, string?>
        {
            ["Book.ActivityId"] = tenant.ActivityId.ToString(CultureInfo.InvariantCulture),
            ["Book.From"] = "2026-11-17",
            ["Book.Reason"] = "Oubli",
        }, formAction: "handler=Book");
        var bookingId = await ReadAsync(db => db.Bookings.IgnoreQueryFilters().Where(b => b.ChildId == tenant.ChildId && b.Date == new DateOnly(2026, 11, 17)).Select(b => b.Id).SingleAsync());
        await client.PostFormAsync(url, new Dictionary<string, string?>
        {
            ["Cancel.BookingIds"] = bookingId.ToString(CultureInfo.InvariantCulture),
            ["Cancel.Reason"] = "Erreur de jour",
        }, formAction: "handler=Cancel");

        var entries = (await EntriesAsync(tenant.MunicipalityId)).Where(e => e.ActorIsStaff).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("Réservation Lou MARTIN – GT - RESTAURATION – 17/11/2026 créée", entries[0].Summary);
        Assert.Equal(bookingId.ToString(CultureInfo.InvariantCulture), entries[0].EntityKey);
        Assert.Equal("Oubli", Change(entries[0], "StaffReason").After);
        Assert.Equal(staff.Id, Change(entries[0], "CreatedByAccountId").After);
        Assert.Equal("Réservation Lou MARTIN – GT - RESTAURATION – 17/11/2026 annulée", entries[1].Summary);
        Assert.Equal(new JournalChange("Cancellation", "aucune", "hors délai"), Change(entries[1], "Cancellation"));
        Assert.Equal(new JournalChange("CancellationReason", null, "Erreur de jour"), Change(entries[1], "CancellationReason"));
    }

    [Fact]
    public async Task A_basket_validation_is_journalled_with_the_account_the_family_and_the_counts()
    {
        var tenant = await TenantBuilder.CreateAsync(Factory);
        long validationId;
        await using (var session = await ParentSession.OpenAsync(Factory, tenant.MunicipalityId, tenant.FamilyId, tenant.LinkedAccountId))
        {
            var basket = session.Get<BasketService>();
            await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
            await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday.AddDays(1), default);
            await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, new DateOnly(2026, 11, 20), default);
            validationId = (await session.Get<BasketValidator>().ValidateAsync(session.Parent, default)).ValidationId!.Value;
        }
        var login = await ReadAsync(db => db.Users.Where(u => u.Id == tenant.LinkedAccountId).Select(u => u.UserName).SingleAsync());

        var entry = (await EntriesAsync(tenant.MunicipalityId)).Single(e => e.EntityKey == validationId.ToString(CultureInfo.InvariantCulture));

        Assert.Equal((JournalAction.BasketValidated, nameof(FamilyPortal.Web.Features.Reservations.BasketValidation), false), (entry.Action, entry.EntityType, entry.ActorIsStaff));
        Assert.Equal((tenant.LinkedAccountId, login, "Camille MARTIN"), (entry.ActorAccountId, entry.ActorLogin, entry.ActorName));
        Assert.Equal("Panier validé pour la famille MARTIN : 2 réservation(s), 1 annulation(s), 0 refusée(s)", entry.Summary);
        Assert.Contains("Réservé · Lou · GT - RESTAURATION · lundi 23 novembre 2026", Change(entry, "Summary").After, StringComparison.Ordinal);
        // A parent's own bookings are summed up by the validation, not journalled one by one.
        Assert.DoesNotContain(await EntriesAsync(tenant.MunicipalityId), e => e.EntityType == nameof(FamilyPortal.Web.Features.Reservations.Booking));

        var admin = await StaffJourney.SignInAsync(Factory, await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Administrator));
        var families = await admin.GetPageAsync(Url + "?auteur=familles");
        Assert.Contains("Panier validé pour la famille MARTIN : 2 réservation(s)", families.QuerySelector($"[data-testid=journal-{entry.Id}]")!.TextContent, StringComparison.Ordinal);
    }
}
