using System.Net;
using FamilyPortal.Tests.Features.Invoices;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Families.FamilyFileKit;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>« Mise à jour des dossiers »: opened by an administrator, confirmed by each family before it books in that year.</summary>
public class FileUpdateTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Page = "/admin/familles/mise-a-jour";
    private const string Household = "MARTIN";

    [Fact]
    public async Task Once_the_update_is_open_a_family_books_that_year_only_after_confirming_its_file()
    {
        var tenant = await UnconfirmedTenantAsync();
        var yearId = await YearIdAsync(tenant.MunicipalityId);
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);

        var opened = await admin.SubmitAsync(await admin.GetPageAsync(Page), Page, new Dictionary<string, string?>(), "handler=Open");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.True(await ReadAsync(factory, tenant.MunicipalityId, db => db.SchoolYears.Where(y => y.Id == yearId).Select(y => y.FileUpdateRequired).SingleAsync()));
        var waitingList = await admin.GetPageAsync($"{Page}?annee={yearId}");
        Assert.Contains(Household, waitingList.QuerySelector("#titre-a-confirmer")!.ParentElement!.TextContent, StringComparison.Ordinal);

        await using var session = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var refused = await Assert.ThrowsAsync<ReservationRefusedException>(() =>
            session.Get<BasketService>().ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
        Assert.Equal(Verdict.FileToConfirm.Message, refused.Message);

        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var confirmed = await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?> { ["certify"] = "true" }, "handler=Confirm");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Null((await parent.GetPageAsync("/mon-dossier")).QuerySelector("#titre-confirmation"));
        Assert.Equal(CellState.ToAdd, await session.Get<BasketService>().ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
        var after = await admin.GetPageAsync($"{Page}?annee={yearId}");
        Assert.DoesNotContain(Household, after.QuerySelector("#titre-a-confirmer")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_still_book_for_a_family_that_has_not_confirmed_and_closing_the_update_frees_the_parents()
    {
        var day = Reservations.VerdictKit.Day() with { FileToConfirm = true };
        var now = Reservations.VerdictKit.BeforeTheDeadline;

        Assert.Equal(VerdictReason.FileToConfirm, Reservations.VerdictKit.ParentBooks(day, now).Reason);
        Assert.Equal(Verdict.Yes, Reservations.VerdictKit.StaffBooks(day, now));
        Assert.Equal(VerdictReason.Closure, Reservations.VerdictKit.ParentBooks(day with { ClosureReason = "grève" }, now).Reason);

        var tenant = await UnconfirmedTenantAsync();
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        await admin.SubmitAsync(await admin.GetPageAsync(Page), Page, new Dictionary<string, string?>(), "handler=Open");
        var closed = await admin.SubmitAsync(await admin.GetPageAsync(Page), Page, new Dictionary<string, string?>(), "handler=Close");

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await using var session = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        Assert.Equal(CellState.ToAdd, await session.Get<BasketService>().ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
    }

    [Fact]
    public async Task An_agent_may_follow_the_update_but_not_open_it_and_an_unticked_confirmation_writes_nothing()
    {
        var tenant = await UnconfirmedTenantAsync();
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var page = await agent.GetPageAsync(Page);
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Open']"));
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var forged = await agent.Http.PostAsync($"{Page}?schoolYearId={await YearIdAsync(tenant.MunicipalityId)}&handler=Open",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! }));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"{Page}?annee=987654")).StatusCode);
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        await admin.SubmitAsync(await admin.GetPageAsync(Page), Page, new Dictionary<string, string?>(), "handler=Open");
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var opened = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var unticked = await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?>(), "handler=Confirm");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unticked.StatusCode);
        Assert.Equal("Cochez « Je certifie l'exactitude des informations » pour confirmer votre dossier.",
            PageClient.ErrorOf(await PageClient.ParseAsync(unticked), "certify"));
        Assert.Equal("", DatabaseFingerprint.Differences(opened, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));
    }

    /// <summary>A test collectivité whose family has confirmed no year yet (the builder gives it one confirmation for the tenancy tests).</summary>
    private async Task<TenantBuilder.Tenant> UnconfirmedTenantAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await ReadAsync(factory, tenant.MunicipalityId, db => db.FamilyFileConfirmations.ExecuteDeleteAsync());
        return tenant;
    }

    private Task<int> YearIdAsync(int municipalityId) =>
        ReadAsync(factory, municipalityId, db => db.SchoolYears.Select(y => y.Id).SingleAsync());
}
