using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Activities;

/// <summary>« Prestations »: TenantBuilder's collectivité has one activity « GT - RESTAURATION » (4,10 €, 30 places) booked on 20/11/2026.</summary>
public class ActivitiesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string NewUrl = "/admin/prestations/fiche";

    private static string EditUrl(int activityId) => $"/admin/prestations/fiche/{activityId}";

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Staff)> SignInAsync(string role)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, role));
        return (tenant, staff);
    }

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>());
    }

    private Task<Activity> ActivityAsync(int id) =>
        ReadAsync(db => db.Activities.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<int> ActivityCountAsync(int municipalityId) =>
        ReadAsync(db => db.Activities.IgnoreQueryFilters().CountAsync(a => a.MunicipalityId == municipalityId));

    private static Dictionary<string, string?> NewActivity() => new()
    {
        ["Input.Label"] = "PERI SOIR - 16H05/17H05",
        ["Input.WithPrefix"] = "true",
        ["Input.StartTime"] = "16:05",
        ["Input.EndTime"] = "17:05",
        ["Input.Capacity"] = "",
        ["Input.SortOrder"] = "3",
        ["Input.UnitPrice"] = "1,80",
        ["Input.Booking.Kind"] = "DaysBefore",
        ["Input.Booking.Days"] = "7",
        ["Input.Booking.WorkingDays"] = null,
        ["Input.Booking.Time"] = "12:00",
        ["Input.Cancellation.Kind"] = "WeekdayOfPreviousWeek",
        ["Input.Cancellation.Weekday"] = "Thursday",
        ["Input.Cancellation.Time"] = "10:00",
        ["Input.OpensOn"] = "2026-08-24",
        ["Input.OpensAt"] = "08:00",
        ["Input.HorizonWeeks"] = "6",
    };

    [Fact]
    public async Task An_administrator_creates_an_activity_with_its_prefix_times_days_price_and_reglement()
    {
        var (tenant, admin) = await SignInAsync(Roles.Administrator);
        var page = await admin.GetPageAsync(NewUrl);
        Assert.Equal("GT -", page.QuerySelector("#prefixe-libelle")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("form [disabled]"));
        foreach (var day in new[] { "Monday", "Tuesday", "Thursday", "Friday" })
        {
            Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector($"#Input_Days_{day}")!).IsChecked, day);
        }

        var form = NewActivity();
        var response = await admin.SubmitAsync(page, NewUrl, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await ReadAsync(db => db.Activities.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.MunicipalityId == tenant.MunicipalityId && a.Id != tenant.ActivityId));
        Assert.Equal("GT - PERI SOIR - 16H05/17H05", created.Label);
        Assert.Equal((tenant.SiteId, new TimeOnly(16, 5), new TimeOnly(17, 5)), (created.SiteId, created.StartTime!.Value, created.EndTime!.Value));
        Assert.Equal(ServiceDays.SchoolWeek, created.Days);
        Assert.Equal(1.80m, created.UnitPrice);
        Assert.Null(created.Capacity);
        Assert.Equal(3, created.SortOrder);
        Assert.Equal(Deadline.DaysBeforeAt(7, new TimeOnly(12, 0)), created.Rule.BookingDeadline);
        Assert.Equal(Deadline.PreviousWeekOn(DayOfWeek.Thursday, new TimeOnly(10, 0)), created.Rule.CancellationDeadline);
        // 24/08/2026 08:00 in Paris (summer time) is 06:00 UTC.
        Assert.Equal(new DateTime(2026, 8, 24, 6, 0, 0), created.Rule.OpensAtUtc);
        Assert.Equal(6, created.Rule.HorizonWeeks);

        var list = await admin.GetPageAsync("/admin/prestations");
        var caption = list.QuerySelectorAll("caption").Select(c => c.TextContent.Trim()).Single();
        Assert.Equal("Groupe scolaire Test — Restauration scolaire", caption);
        Assert.Equal(["GT - RESTAURATION", "GT - PERI SOIR - 16H05/17H05"], list.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task The_same_label_created_at_once_by_several_administrators_gives_one_activity_and_french_refusals()
    {
        var (tenant, admin) = await SignInAsync(Roles.Administrator);
        var pages = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        for (var i = 0; i < 6; i++)
        {
            pages.Add(await admin.GetPageAsync(NewUrl));
        }

        var responses = await Task.WhenAll(pages.Select(page => admin.SubmitAsync(page, NewUrl, NewActivity())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal("Une prestation du site s'appelle déjà « GT - PERI SOIR - 16H05/17H05 ».",
                PageClient.ErrorOf(await PageClient.ParseAsync(refused), "Input.Label"));
        }
        Assert.Equal(2, await ActivityCountAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_label_without_the_prefix_stays_as_written()
    {
        var (tenant, admin) = await SignInAsync(Roles.Administrator);
        var form = NewActivity();
        form["Input.Label"] = "JUSTICE - RESTAURATION";
        form["Input.WithPrefix"] = null;

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(NewUrl, form)).StatusCode);

        Assert.True(await ReadAsync(db => db.Activities.IgnoreQueryFilters().AnyAsync(a => a.MunicipalityId == tenant.MunicipalityId && a.Label == "JUSTICE - RESTAURATION")));
    }

    [Theory]
    [InlineData("Input.Label", "", "Le libellé est obligatoire (200 caractères au plus, préfixe compris).")]
    [InlineData("Input.Label", "RESTAURATION", "Une prestation du site s'appelle déjà « GT - RESTAURATION ».")]
    [InlineData("Input.StartTime", "25:00", "Saisissez l'heure de début au format hh:mm, par exemple 16:05.")]
    [InlineData("Input.EndTime", "15:00", "L'heure de fin doit être après l'heure de début.")]
    [InlineData("Input.Capacity", "0", "La capacité est un nombre de places entre 1 et 10 000 ; laissez vide pour un nombre illimité.")]
    [InlineData("Input.SortOrder", "-1", "L'ordre d'affichage est un nombre entre 0 et 9 999.")]
    [InlineData("Input.UnitPrice", "4,105", "Saisissez le tarif en euros, par exemple 4,10 (deux décimales au plus, 999,99 € au plus).")]
    [InlineData("Input.UnitPrice", "", "Saisissez le tarif en euros, par exemple 4,10 (deux décimales au plus, 999,99 € au plus).")]
    [InlineData("Input.Booking.Days", "61", "Le nombre de jours de réservation est un nombre entre 0 et 60.")]
    [InlineData("Input.Cancellation.Time", "midi", "Saisissez l'heure limite d'annulation au format hh:mm, par exemple 10:00.")]
    [InlineData("Input.OpensOn", "31/02/2027", "Saisissez la date d'ouverture des inscriptions au format jj/mm/aaaa, ou laissez vide.")]
    [InlineData("Input.HorizonWeeks", "0", "L'horizon est un nombre de semaines entre 1 et 104 ; laissez vide pour réserver jusqu'à la fin de l'année scolaire.")]
    public async Task Errors_are_shown_next_to_the_fields_and_nothing_is_written(string field, string value, string message)
    {
        var (tenant, admin) = await SignInAsync(Roles.Administrator);
        var form = NewActivity();
        form[field] = value;

        var response = await admin.PostFormAsync(NewUrl, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal(1, await ActivityCountAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task An_activity_needs_at_least_one_weekday()
    {
        var (tenant, admin) = await SignInAsync(Roles.Administrator);
        var page = await admin.GetPageAsync(NewUrl);
        foreach (var box in page.QuerySelectorAll("input[name='Input.Days']").Cast<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            box.IsChecked = false;
        }

        var response = await admin.SubmitAsync(page, NewUrl, NewActivity());

        Assert.Equal("Cochez au moins un jour de la semaine.", PageClient.ErrorOf(await PageClient.ParseAsync(response), "Input.Days"));
        Assert.Equal(1, await ActivityCountAsync(tenant.MunicipalityId));
    }

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
        await using (var scope = factory.Scope())
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

    private async Task BookThreeChildrenAsync(TenantBuilder.Tenant tenant, DateOnly day)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var family = await db.Families.IgnoreQueryFilters().SingleAsync(f => f.Id == tenant.FamilyId);
        var children = new List<Child> { await db.Children.IgnoreQueryFilters().SingleAsync(c => c.Id == tenant.ChildId) };
        foreach (var firstName in new[] { "Léa", "Hugo" })
        {
            var sibling = new Child { MunicipalityId = tenant.MunicipalityId, Family = family, FirstName = firstName, LastName = "MARTIN", SiteId = tenant.SiteId };
            db.Children.Add(sibling);
            children.Add(sibling);
        }
        await db.SaveChangesAsync();
        db.Bookings.AddRange(children.Select(c => new Booking { MunicipalityId = tenant.MunicipalityId, ChildId = c.Id, ActivityId = tenant.ActivityId, Date = day }));
        db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = tenant.MunicipalityId, ActivityId = tenant.ActivityId, Date = day, Booked = children.Count });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_second_concurrent_save_is_refused_with_the_current_values()
    {
        var (tenant, first) = await SignInAsync(Roles.Administrator);
        var second = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
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
        var (tenant, agent) = await SignInAsync(Roles.Agent);
        var page = await agent.GetPageAsync("/admin/prestations");

        var delete = await agent.SubmitAsync(page, "/admin/prestations", new Dictionary<string, string?>(), formAction: "handler=Delete");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("La prestation GT - RESTAURATION ne peut pas être supprimée : elle a 1 réservation(s) : archivez-la plutôt.",
            (await PageClient.ParseAsync(delete)).QuerySelector(".validation-summary li")!.TextContent.Trim());
        Assert.False((await ActivityAsync(tenant.ActivityId)).IsArchived);

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(page, "/admin/prestations", new Dictionary<string, string?>(), formAction: "handler=Archive")).StatusCode);
        Assert.True((await ActivityAsync(tenant.ActivityId)).IsArchived);
        var archivedRow = (await agent.GetPageAsync("/admin/prestations")).QuerySelector("tbody tr")!;
        Assert.Contains("Archivée", archivedRow.TextContent, StringComparison.Ordinal);

        var reactivate = await agent.PostFormAsync("/admin/prestations", new Dictionary<string, string?>(), formAction: "handler=Archive");
        Assert.Equal(HttpStatusCode.Redirect, reactivate.StatusCode);
        Assert.False((await ActivityAsync(tenant.ActivityId)).IsArchived);
    }

    [Fact]
    public async Task An_activity_without_bookings_is_deleted()
    {
        var (tenant, agent) = await SignInAsync(Roles.Agent);
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
        var token = (await agent.GetPageAsync("/admin/prestations")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await agent.Http.PostAsync($"/admin/prestations?handler=Delete&activityId={spare}",
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
        var other = await TenantBuilder.CreateAsync(factory);
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
