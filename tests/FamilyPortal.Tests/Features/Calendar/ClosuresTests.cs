using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Calendar;

public class ClosuresTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/calendrier/fermetures";

    /// <summary>TenantBuilder books its child on Friday 20 November 2026 (one place taken).</summary>
    private static readonly DateOnly BookedDay = new(2026, 11, 20);

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>());
    }

    private static Dictionary<string, string?> Form(string scope, DateOnly day) => new()
    {
        ["Input.Start"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.End"] = "",
        ["Input.Scope"] = scope,
        ["Input.Reason"] = "Grève",
    };

    [Fact]
    public async Task Closing_a_booked_day_asks_for_confirmation_then_cancels_free_gives_the_place_back_and_emails_the_family()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));

        var asked = await agent.PostFormAsync(Url, Form($"s:{tenant.SiteId}", BookedDay));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await PageClient.ParseAsync(asked);
        Assert.Contains("1 réservation(s) de 1 famille(s) seront annulées sans frais", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(db => db.Closures.IgnoreQueryFilters().CountAsync(c => c.MunicipalityId == tenant.MunicipalityId && c.Reason == "Grève")));
        Assert.True(await ReadAsync(db => db.Bookings.IgnoreQueryFilters().AnyAsync(b => b.ChildId == tenant.ChildId && b.CancelledAtUtc == null)));

        var confirmed = await agent.SubmitAsync(page, Url, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var booking = await ReadAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.ChildId == tenant.ChildId && b.Date == BookedDay));
        Assert.NotNull(booking.CancelledAtUtc);
        Assert.Equal(CancellationKind.Closure, booking.Cancellation);
        Assert.Equal(0, await ReadAsync(db => db.ActivityDayLoads.IgnoreQueryFilters().Where(l => l.ActivityId == tenant.ActivityId && l.Date == BookedDay).Select(l => l.Booked).SingleAsync()));
        var closure = await ReadAsync(db => db.Closures.IgnoreQueryFilters().SingleAsync(c => c.MunicipalityId == tenant.MunicipalityId && c.Reason == "Grève"));
        Assert.Equal((BookedDay, BookedDay, (int?)tenant.SiteId, (int?)null), (closure.StartDate, closure.EndDate, closure.SiteId, closure.ActivityId));
        var mail = Assert.Single(await MailToAsync(factory, tenant.FamilyEmail));
        Assert.StartsWith("Fermeture exceptionnelle", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Lou – GT - RESTAURATION – vendredi 20 novembre 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("annulées sans frais", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_day_without_bookings_needs_no_confirmation()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));

        var response = await agent.PostFormAsync(Url, Form("", new DateOnly(2026, 11, 23)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await ReadAsync(db => db.Closures.IgnoreQueryFilters().CountAsync(c => c.MunicipalityId == tenant.MunicipalityId && c.Reason == "Grève")));
        Assert.Empty(await MailToAsync(factory, tenant.FamilyEmail));
    }

    [Theory]
    [InlineData("Input.Start", "demain", "Saisissez la date de début, au format jj/mm/aaaa.")]
    [InlineData("Input.End", "2026-11-19", "La date de fin doit être le même jour ou après la date de début.")]
    [InlineData("Input.Reason", "", "Indiquez le motif, par exemple « Grève » (200 caractères au plus).")]
    [InlineData("Input.Scope", "s:999999", "Choisissez ce qui ferme dans la liste.")]
    public async Task Errors_are_shown_next_to_the_fields_and_nothing_is_closed_nor_cancelled(string field, string value, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var form = Form("", BookedDay);
        form[field] = value;
        form["ConfirmedCount"] = "1";

        var response = await agent.PostFormAsync(Url, form);

        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal(0, await ReadAsync(db => db.Closures.IgnoreQueryFilters().CountAsync(c => c.MunicipalityId == tenant.MunicipalityId && c.Reason != "Vacances de Noël")));
        Assert.True(await ReadAsync(db => db.Bookings.IgnoreQueryFilters().AnyAsync(b => b.ChildId == tenant.ChildId && b.CancelledAtUtc == null)));
    }

    [Fact]
    public async Task Another_collectivites_site_cannot_be_closed()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var form = Form($"s:{other.SiteId}", BookedDay);
        form["ConfirmedCount"] = "1";

        var response = await agent.PostFormAsync(Url, form);

        Assert.Equal("Choisissez ce qui ferme dans la liste.", PageClient.ErrorOf(await PageClient.ParseAsync(response), "Input.Scope"));
        Assert.True(await ReadAsync(db => db.Bookings.IgnoreQueryFilters().AnyAsync(b => b.ChildId == other.ChildId && b.CancelledAtUtc == null)));
        Assert.Empty(await MailToAsync(factory, other.FamilyEmail));
    }
}
