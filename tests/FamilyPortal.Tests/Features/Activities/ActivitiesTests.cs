using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Activities;

/// <summary>« Prestations »: TenantBuilder's collectivité has one activity « GT - RESTAURATION » (4,10 €, 30 places) booked on 20/11/2026.</summary>
public sealed class ActivitiesTests(AccountsFactory fixture) : ActivitiesTestsBase(fixture), IClassFixture<AccountsFactory>
{
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
}
