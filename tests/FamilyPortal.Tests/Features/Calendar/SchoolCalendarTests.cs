using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Calendar;

/// <summary>
/// « Calendrier »: TenantBuilder's collectivité has the school year 2026-2027 (01/09/2026 – 03/07/2027), the
/// « Vacances de Noël » (19/12/2026 – 03/01/2027) and a booking on 20/11/2026.
/// </summary>
public class SchoolCalendarTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/calendrier";

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        return (tenant, agent);
    }

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>());
    }

    private Task<List<string>> YearsAsync(int municipalityId) => ReadAsync(db => db.SchoolYears.IgnoreQueryFilters()
        .Where(y => y.MunicipalityId == municipalityId).OrderBy(y => y.StartDate).Select(y => $"{y.Label} {y.StartDate:yyyy-MM-dd} {y.EndDate:yyyy-MM-dd}").ToListAsync());

    private Task<List<string>> HolidaysAsync(int municipalityId) => ReadAsync(db => db.Closures.IgnoreQueryFilters()
        .Where(c => c.MunicipalityId == municipalityId).OrderBy(c => c.StartDate).Select(c => $"{c.Reason} {c.StartDate:yyyy-MM-dd} {c.EndDate:yyyy-MM-dd}").ToListAsync());

    [Fact]
    public async Task The_calendar_shows_the_public_holidays_of_the_school_year_and_its_school_holidays()
    {
        var (_, agent) = await AgentAsync();

        var page = await agent.GetPageAsync(Url);

        var feries = page.QuerySelector("section[aria-labelledby=titre-feries] tbody")!.QuerySelectorAll("tr")
            .Select(r => string.Join(' ', r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "Toussaint dimanche 1 novembre 2026", "Armistice 1918 mercredi 11 novembre 2026", "Noël vendredi 25 décembre 2026",
            "Jour de l'an vendredi 1 janvier 2027", "Lundi de Pâques lundi 29 mars 2027", "Fête du travail samedi 1 mai 2027",
            "Ascension jeudi 6 mai 2027", "Victoire 1945 samedi 8 mai 2027", "Lundi de Pentecôte lundi 17 mai 2027",
        ], feries);
        var vacances = page.QuerySelector("section[aria-labelledby=titre-vacances] tbody th")!.TextContent.Trim();
        Assert.Equal("Vacances de Noël", vacances);
        Assert.NotNull(page.QuerySelector("a[href='/admin/calendrier/fermetures']"));
        Assert.Equal("page", page.QuerySelector("nav.main-nav a[href='/admin/calendrier']")!.GetAttribute("aria-current"));
        var closures = await agent.GetPageAsync("/admin/calendrier/fermetures");
        Assert.Equal(["/admin/calendrier/fermetures"], closures.QuerySelectorAll("nav.main-nav a[aria-current=page]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_school_year_is_created_and_edited()
    {
        var (tenant, agent) = await AgentAsync();

        var created = await agent.PostFormAsync("/admin/calendrier/annees", new Dictionary<string, string?>
        {
            ["Input.Label"] = "2027-2028",
            ["Input.Start"] = "2027-09-01",
            ["Input.End"] = "03/07/2028",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(["2026-2027 2026-09-01 2027-07-03", "2027-2028 2027-09-01 2028-07-03"], await YearsAsync(tenant.MunicipalityId));

        var id = await ReadAsync(db => db.SchoolYears.IgnoreQueryFilters().Where(y => y.MunicipalityId == tenant.MunicipalityId && y.Label == "2027-2028").Select(y => y.Id).SingleAsync());
        var edited = await agent.PostFormAsync($"/admin/calendrier/annees/{id}", new Dictionary<string, string?> { ["Input.End"] = "2028-07-04" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(["2026-2027 2026-09-01 2027-07-03", "2027-2028 2027-09-01 2028-07-04"], await YearsAsync(tenant.MunicipalityId));
    }

    [Theory]
    [InlineData("Input.Start", "2027-07-01", "Ces dates chevauchent l'année 2026-2027 (du 01/09/2026 au 03/07/2027).")]
    [InlineData("Input.End", "2027-08-31", "Le dernier jour doit être après le premier jour.")]
    [InlineData("Input.End", "", "Saisissez le dernier jour de l'année scolaire, au format jj/mm/aaaa.")]
    [InlineData("Input.Label", "2026-2027", "Une année scolaire porte déjà ce nom.")]
    [InlineData("Input.Label", "", "Le nom de l'année est obligatoire (20 caractères au plus), par exemple 2026-2027.")]
    public async Task An_overlapping_or_reversed_school_year_is_refused_and_nothing_is_written(string field, string value, string message)
    {
        var (tenant, agent) = await AgentAsync();
        var form = new Dictionary<string, string?> { ["Input.Label"] = "2027-2028", ["Input.Start"] = "2027-09-01", ["Input.End"] = "2028-07-03" };
        form[field] = value;

        var response = await agent.PostFormAsync("/admin/calendrier/annees", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal(["2026-2027 2026-09-01 2027-07-03"], await YearsAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_holiday_period_is_added_edited_and_deleted_by_hand()
    {
        var (tenant, agent) = await AgentAsync();

        var added = await agent.PostFormAsync("/admin/calendrier/vacances", new Dictionary<string, string?>
        {
            ["Input.Reason"] = "Vacances d'hiver",
            ["Input.Start"] = "20/02/2027",
            ["Input.End"] = "2027-03-07",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["Vacances de Noël 2026-12-19 2027-01-03", "Vacances d'hiver 2027-02-20 2027-03-07"], await HolidaysAsync(tenant.MunicipalityId));

        var page = await agent.GetPageAsync(Url);
        var edit = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Last(h => h!.StartsWith("/admin/calendrier/vacances/", StringComparison.Ordinal))!;
        var edited = await agent.PostFormAsync(edit, new Dictionary<string, string?> { ["Input.End"] = "2027-03-06" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(["Vacances de Noël 2026-12-19 2027-01-03", "Vacances d'hiver 2027-02-20 2027-03-06"], await HolidaysAsync(tenant.MunicipalityId));

        var deleted = await agent.SubmitAsync(await agent.GetPageAsync(Url), Url, new Dictionary<string, string?>(), formAction: "handler=DeleteHoliday");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(["Vacances d'hiver 2027-02-20 2027-03-06"], await HolidaysAsync(tenant.MunicipalityId));
    }

    [Theory]
    [InlineData("2026-12-24", "2027-01-10", "Input.Start", "Chevauche « Vacances de Noël » du 19/12/2026 au 03/01/2027, déjà enregistrée.")]
    [InlineData("2026-11-19", "2026-11-23", "Input.Start", "1 réservation(s) existent sur ces jours : fermez-les depuis « Fermetures », qui annule les réservations et prévient les familles.")]
    [InlineData("2027-03-07", "2027-02-20", "Input.End", "Le dernier jour doit être le même jour ou après le premier.")]
    [InlineData("2027-02-30", "2027-03-07", "Input.Start", "Saisissez le premier jour de vacances, au format jj/mm/aaaa.")]
    public async Task A_holiday_period_overlapping_another_or_booked_days_or_reversed_is_refused(string start, string end, string field, string message)
    {
        var (tenant, agent) = await AgentAsync();

        var response = await agent.PostFormAsync("/admin/calendrier/vacances", new Dictionary<string, string?>
        {
            ["Input.Reason"] = "Vacances",
            ["Input.Start"] = start,
            ["Input.End"] = end,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal(["Vacances de Noël 2026-12-19 2027-01-03"], await HolidaysAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_site_closure_is_not_a_holiday_period_of_the_calendar()
    {
        var (tenant, agent) = await AgentAsync();
        var siteClosure = await ReadAsync(async db =>
        {
            db.Tenant.EnterPlatformScope();
            var closure = new FamilyPortal.Web.Features.Calendar.Closure
            {
                MunicipalityId = tenant.MunicipalityId,
                SiteId = tenant.SiteId,
                StartDate = new DateOnly(2027, 6, 14),
                EndDate = new DateOnly(2027, 6, 14),
                Reason = "Grève",
            };
            db.Closures.Add(closure);
            await db.SaveChangesAsync();
            return closure.Id;
        });

        var page = await agent.GetPageAsync(Url);
        Assert.DoesNotContain("Grève", page.QuerySelector("section[aria-labelledby=titre-vacances]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/calendrier/vacances/{siteClosure}")).StatusCode);
    }
}
