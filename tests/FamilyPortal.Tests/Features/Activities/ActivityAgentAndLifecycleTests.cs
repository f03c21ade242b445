using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Activities;

/// <summary>What agents may change in a prestation, saves that meet a colleague's or the places taken, and a prestation's deletion, archive and list.</summary>
public sealed class ActivityAgentAndLifecycleTests(AccountsFactory fixture) : ActivitiesTestsBase(fixture), IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task An_agent_sees_the_price_and_reglement_disabled_and_cannot_create_an_activity()
    {
        var (tenant, agent) = await SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync(EditUrl(tenant.ActivityId));
        foreach (var name in new[] { "Input.UnitPrice", "Input.Booking.Days", "Input.Booking.Time", "Input.Cancellation.Kind", "Input.HorizonWeeks", "Input.OpensOn" })
        {
            Assert.All(page.QuerySelectorAll($"[name='{name}']"), e => Assert.True(e.HasAttribute("disabled"), name));
        }
        Assert.False(page.QuerySelector("[name='Input.Label']")!.HasAttribute("disabled"));
        Assert.Equal("4,10", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_UnitPrice")!).Value);
        Assert.Null((await agent.GetPageAsync("/admin/prestations")).QuerySelector("a[href='/admin/prestations/fiche']"));

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(NewUrl)).StatusCode);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var create = await agent.Http.PostAsync(NewUrl, new FormUrlEncodedContent(
            new Dictionary<string, string>(NewActivity().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!)) { ["__RequestVerificationToken"] = token, ["Input.SiteId"] = tenant.SiteId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(1, await ActivityCountAsync(tenant.MunicipalityId));
    }

    [Theory]
    [InlineData("Input.UnitPrice", "0,50")]
    [InlineData("Input.Booking.Days", "0")]
    [InlineData("Input.Cancellation.Kind", "DaysBefore")]
    [InlineData("Input.HorizonWeeks", "1")]
    [InlineData("Input.OpensOn", "2026-12-01")]
    public async Task An_agent_changing_a_price_or_the_reglement_gets_403_and_nothing_is_written(string field, string value)
    {
        var (tenant, agent) = await SignInAsync(Roles.Agent);
        var before = await ActivityAsync(tenant.ActivityId);
        var url = EditUrl(tenant.ActivityId);

        var response = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Input.Label"] = "RESTAURATION MIDI", [field] = value });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await ActivityAsync(tenant.ActivityId);
        Assert.Equal((before.Label, before.UnitPrice, before.Rule, before.Version), (after.Label, after.UnitPrice, after.Rule, after.Version));
    }

    [Fact]
    public async Task An_agent_edits_label_times_days_and_places_while_price_and_reglement_stay()
    {
        var (tenant, agent) = await SignInAsync(Roles.Agent);
        var before = await ActivityAsync(tenant.ActivityId);
        var url = EditUrl(tenant.ActivityId);
        var page = await agent.GetPageAsync(url);
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Days_Wednesday")!).IsChecked = true;

        var response = await agent.SubmitAsync(page, url, new Dictionary<string, string?>
        {
            ["Input.Label"] = "RESTAURATION MIDI",
            ["Input.StartTime"] = "11:45",
            ["Input.EndTime"] = "13:30",
            ["Input.Capacity"] = "45",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await ActivityAsync(tenant.ActivityId);
        Assert.Equal("GT - RESTAURATION MIDI", after.Label);
        Assert.Equal((new TimeOnly(11, 45), new TimeOnly(13, 30), 45), (after.StartTime!.Value, after.EndTime!.Value, after.Capacity!.Value));
        Assert.Equal(ServiceDays.SchoolWeek | ServiceDays.Wednesday, after.Days);
        Assert.Equal((before.UnitPrice, before.Rule), (after.UnitPrice, after.Rule));
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public async Task An_agents_form_error_shows_the_current_price_again_and_writes_nothing()
    {
        var (tenant, agent) = await SignInAsync(Roles.Agent);
        var url = EditUrl(tenant.ActivityId);

        var response = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Input.Capacity"] = "beaucoup" });

        var page = await PageClient.ParseAsync(response);
        Assert.Equal("La capacité est un nombre de places entre 1 et 10 000 ; laissez vide pour un nombre illimité.", PageClient.ErrorOf(page, "Input.Capacity"));
        Assert.Equal("4,10", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_UnitPrice")!).Value);
        Assert.Equal(30, (await ActivityAsync(tenant.ActivityId)).Capacity);
    }

    [Fact]
    public async Task The_usual_capacity_cannot_go_below_the_places_taken_on_a_day_to_come_without_places_of_its_own()
    {
        var (tenant, agent) = await SignInAsync(Roles.Agent);
        var tuesday = new DateOnly(2026, 11, 24);
        await BookThreeChildrenAsync(tenant, tuesday);
        var url = EditUrl(tenant.ActivityId);

        var refused = await agent.SubmitAsync(await agent.GetPageAsync(url), url, new Dictionary<string, string?> { ["Input.Capacity"] = "2" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Equal("Déjà 3 réservation(s) le 24/11/2026 : la capacité habituelle ne peut pas être inférieure à 3. Pour réduire les places de certains jours seulement, utilisez « Places par date ».",
            PageClient.ErrorOf(page, "Input.Capacity"));
        Assert.Equal("4,10", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_UnitPrice")!).Value);
        var unchanged = await ActivityAsync(tenant.ActivityId);
        Assert.Equal(30, unchanged.Capacity);

        // With places of its own that day, the usual capacity no longer governs it.
        await using (var scope = Factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.EnterPlatformScope();
            db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = tenant.MunicipalityId, ActivityId = tenant.ActivityId, Date = tuesday, Capacity = 3 });
            await db.SaveChangesAsync();
        }
        var accepted = await agent.SubmitAsync(await agent.GetPageAsync(url), url, new Dictionary<string, string?> { ["Input.Capacity"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal((2, unchanged.Version + 1), ((await ActivityAsync(tenant.ActivityId)).Capacity, (await ActivityAsync(tenant.ActivityId)).Version));
    }

    [Fact]
    public async Task A_second_concurrent_save_is_refused_with_the_current_values()
    {
        var (tenant, first) = await SignInAsync(Roles.Administrator);
        var second = await StaffJourney.SignInAsync(Factory, await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Administrator));
        var url = EditUrl(tenant.ActivityId);
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, url, new Dictionary<string, string?> { ["Input.UnitPrice"] = "4,50" })).StatusCode);
        var refused = await second.SubmitAsync(secondPage, url, new Dictionary<string, string?> { ["Input.UnitPrice"] = "3,90", ["Input.Label"] = "CANTINE" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("modifiée entre-temps", page.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("4,50", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_UnitPrice")!).Value);
        Assert.Equal("RESTAURATION", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Label")!).Value);
        var stored = await ActivityAsync(tenant.ActivityId);
        Assert.Equal((4.50m, "GT - RESTAURATION"), (stored.UnitPrice, stored.Label));

        // With the current values in hand, the second administrator may save.
        var retry = await second.SubmitAsync(page, url, new Dictionary<string, string?> { ["Input.UnitPrice"] = "3,90" });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(3.90m, (await ActivityAsync(tenant.ActivityId)).UnitPrice);
    }

    [Fact]
    public async Task An_activity_with_bookings_cannot_be_deleted_but_can_be_archived_and_reactivated()
    {
        // Deleting is an administrator's decision (an agent gets 403, see AdministratorActionsTests).
        var (tenant, admin) = await SignInAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/admin/prestations");

        var delete = await admin.SubmitAsync(page, "/admin/prestations", new Dictionary<string, string?>(), formAction: "handler=Delete");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("La prestation GT - RESTAURATION ne peut pas être supprimée : elle a 1 réservation(s) : archivez-la plutôt.",
            (await PageClient.ParseAsync(delete)).QuerySelector(".validation-summary li")!.TextContent.Trim());
        Assert.False((await ActivityAsync(tenant.ActivityId)).IsArchived);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "/admin/prestations", new Dictionary<string, string?>(), formAction: "handler=Archive")).StatusCode);
        Assert.True((await ActivityAsync(tenant.ActivityId)).IsArchived);
        var archivedRow = (await admin.GetPageAsync("/admin/prestations")).QuerySelector("tbody tr")!;
        Assert.Contains("Archivée", archivedRow.TextContent, StringComparison.Ordinal);

        var reactivate = await admin.PostFormAsync("/admin/prestations", new Dictionary<string, string?>(), formAction: "handler=Archive");
        Assert.Equal(HttpStatusCode.Redirect, reactivate.StatusCode);
        Assert.False((await ActivityAsync(tenant.ActivityId)).IsArchived);
    }

    [Fact]
    public async Task An_activity_without_bookings_is_deleted()
    {
        var (tenant, admin) = await SignInAsync(Roles.Administrator);
        var spare = await ReadAsync(async db =>
        {
            db.Tenant.EnterPlatformScope();
            var kind = await db.ServiceKinds.IgnoreQueryFilters().FirstAsync(k => k.MunicipalityId == tenant.MunicipalityId);
            var activity = new Activity { MunicipalityId = tenant.MunicipalityId, SiteId = tenant.SiteId, ServiceKindId = kind.Id, Label = "GT - ÉTUDE" };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = tenant.MunicipalityId, ActivityId = activity.Id, Date = new DateOnly(2026, 12, 1), Capacity = 5 });
            await db.SaveChangesAsync();
            return activity.Id;
        });
        var token = (await admin.GetPageAsync("/admin/prestations")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await admin.Http.PostAsync($"/admin/prestations?handler=Delete&activityId={spare}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await ReadAsync(db => db.Activities.IgnoreQueryFilters().AnyAsync(a => a.Id == spare)));
        Assert.Equal(1, await ActivityCountAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task The_list_filters_by_site_and_service()
    {
        var (tenant, agent) = await SignInAsync(Roles.Agent);
        var other = await ReadAsync(async db =>
        {
            db.Tenant.EnterPlatformScope();
            var kind = new ServiceKind { MunicipalityId = tenant.MunicipalityId, Name = "Périscolaire" };
            var site = new Site { MunicipalityId = tenant.MunicipalityId, Name = "Centre Bautzen", Prefix = "BC" };
            db.Activities.Add(new Activity { MunicipalityId = tenant.MunicipalityId, Site = site, ServiceKind = kind, Label = "BC - PERISCOLAIRE MATIN" });
            await db.SaveChangesAsync();
            return (SiteId: site.Id, KindId: kind.Id);
        });

        var all = await agent.GetPageAsync("/admin/prestations");
        Assert.Equal(["Centre Bautzen — Périscolaire", "Groupe scolaire Test — Restauration scolaire"], all.QuerySelectorAll("caption").Select(c => c.TextContent.Trim()));
        var bySite = await agent.GetPageAsync($"/admin/prestations?site={tenant.SiteId}");
        Assert.Equal(["GT - RESTAURATION"], bySite.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()));
        var byService = await agent.GetPageAsync($"/admin/prestations?service={other.KindId}");
        Assert.Equal(["BC - PERISCOLAIRE MATIN"], byService.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Another_collectivites_activity_answers_404_and_is_untouched()
    {
        var (_, admin) = await SignInAsync(Roles.Administrator);
        var other = await TenantBuilder.CreateAsync(Factory);
        var before = await ActivityAsync(other.ActivityId);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(EditUrl(other.ActivityId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/prestations/{other.ActivityId}/capacites")).StatusCode);
        var token = (await admin.GetPageAsync("/admin/prestations")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await admin.Http.PostAsync(EditUrl(other.ActivityId), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Label"] = "PIRATE",
            ["Input.UnitPrice"] = "0",
            ["Input.Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before.Label, (await ActivityAsync(other.ActivityId)).Label);
    }
}
