using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Calendar;

/// <summary>
/// « Calendrier de la collectivité » on `/admin/calendrier`: administrators choose the public holidays and the
/// school-holiday zone, agents only read them. TenantBuilder's collectivité starts on métropole without a zone,
/// with the school year 2026-2027.
/// </summary>
public class CollectiviteCalendarTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/calendrier";
    private const string Settings = "handler=Settings";
    private const string ParentPassword = "Une phrase de passe pour le calendrier";

    private async Task<PageClient> StaffAsync(TenantBuilder.Tenant tenant, string role) =>
        await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, role));

    private async Task<string> SettingsOfAsync(int municipalityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var row = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == municipalityId);
        return $"{row.Holidays} {row.SchoolZone?.ToString() ?? "sans zone"}";
    }

    private async Task<PageClient> ParentAsync(TenantBuilder.Tenant tenant)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = (await users.FindByIdAsync(tenant.LinkedAccountId!))!;
        Assert.True((await users.AddPasswordAsync(account, ParentPassword)).Succeeded);
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.AccountJourney.SignInAsync(client, account.UserName!, ParentPassword)).StatusCode);
        return client;
    }

    /// <summary>The words a screen reader says for the Friday 26/03/2027 cell of the parent's grid.</summary>
    private static async Task<(string Label, bool HasButton)> GoodFridayCellAsync(PageClient parent, TenantBuilder.Tenant tenant)
    {
        var grid = await parent.GetPageAsync($"/reservations?enfant={tenant.ChildId}&semaine=2027-03-22");
        Assert.Equal(["Prestation", "L22", "M23", "M24", "J25", "V26"], grid.QuerySelectorAll("#grille thead th").Select(th => th.TextContent.Trim()));
        var friday = grid.QuerySelectorAll("#grille tbody td")[4];
        var label = (friday.QuerySelector("[aria-label]")?.GetAttribute("aria-label") ?? friday.QuerySelector(".visually-hidden")!.TextContent).Trim();
        return (label, friday.QuerySelector("button") is not null);
    }

    [Fact]
    public async Task An_administrator_chooses_alsace_moselle_and_the_grid_closes_vendredi_saint_as_a_public_holiday()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(tenant, Roles.Administrator);
        var parent = await ParentAsync(tenant);
        var before = await GoodFridayCellAsync(parent, tenant);
        Assert.DoesNotContain("férié", before.Label, StringComparison.Ordinal);

        var saved = await admin.PostFormAsync(Url, new Dictionary<string, string?> { ["Input.Holidays"] = "AlsaceMoselle", ["Input.SchoolZone"] = "B" }, Settings);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("AlsaceMoselle B", await SettingsOfAsync(tenant.MunicipalityId));
        var (label, hasButton) = await GoodFridayCellAsync(parent, tenant);
        Assert.Equal("GT - RESTAURATION, vendredi 26 mars 2027 : férié (Vendredi saint)", label);
        Assert.False(hasButton);
        var page = await admin.GetPageAsync(Url);
        Assert.Contains("Calendrier enregistré : jours fériés « Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) », zone de vacances scolaires « Zone B ».",
            page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var feries = page.QuerySelector("section[aria-labelledby=titre-feries] tbody")!.QuerySelectorAll("tr")
            .Select(r => string.Join(' ', r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains("Vendredi saint vendredi 26 mars 2027", feries);
        Assert.Contains("Saint-Étienne samedi 26 décembre 2026", feries);
        Assert.Equal("AlsaceMoselle", ((IHtmlSelectElement)page.QuerySelector("select[name='Input.Holidays']")!).Value);
    }

    [Fact]
    public async Task An_agent_reads_the_calendar_and_its_post_is_refused_with_403_writing_nothing()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(tenant, Roles.Agent);

        var page = await agent.GetPageAsync(Url);
        Assert.Null(page.QuerySelector("select[name='Input.Holidays']"));
        Assert.Equal("Jours fériés Métropole Zone de vacances scolaires aucune",
            string.Join(' ', page.QuerySelectorAll("[data-testid=calendrier-collectivite] > *").Select(e => e.TextContent.Trim())));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await agent.Http.PostAsync($"{Url}?{Settings}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Holidays"] = "AlsaceMoselle",
            ["Input.SchoolZone"] = "B",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Metropole sans zone", await SettingsOfAsync(tenant.MunicipalityId));
    }

    [Theory]
    [InlineData("Input.Holidays", "PIRATE", "Choisissez le calendrier des jours fériés dans la liste.")]
    [InlineData("Input.Holidays", "", "Choisissez le calendrier des jours fériés dans la liste.")]
    [InlineData("Input.Holidays", "alsacemoselle", "Choisissez le calendrier des jours fériés dans la liste.")]
    [InlineData("Input.SchoolZone", "Zone D", "Choisissez la zone de vacances scolaires dans la liste, ou « aucune ».")]
    [InlineData("Input.SchoolZone", "<script>alert(1)</script>", "Choisissez la zone de vacances scolaires dans la liste, ou « aucune ».")]
    public async Task An_unknown_value_gets_a_french_message_and_writes_nothing(string field, string value, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(tenant, Roles.Administrator);
        var form = new Dictionary<string, string?> { ["Input.Holidays"] = "Guyane", ["Input.SchoolZone"] = "Guyane" };
        form[field] = value;

        var response = await admin.PostFormAsync(Url, form, Settings);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal("Metropole sans zone", await SettingsOfAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task The_ministrys_file_is_read_for_the_collectivites_zone_without_asking()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(tenant, Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, new Dictionary<string, string?> { ["Input.Holidays"] = "Metropole", ["Input.SchoolZone"] = "A" }, Settings)).StatusCode);
        var file = """
            Description;Population;Date de début;Date de fin;Zones;annee_scolaire
            Vacances d'Hiver;-;2027-02-20;2027-03-08;Zone B;2026-2027
            Vacances d'Hiver;-;2027-02-06;2027-02-22;Zone A;2026-2027
            """;

        var page = await admin.GetPageAsync("/admin/calendrier/import");
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(((IHtmlSelectElement)form.QuerySelector("select[name=annee]")!).Value!), "annee" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "Upload", "calendrier.csv" },
        };
        var preview = await PageClient.ParseAsync(await admin.Http.PostAsync(form.GetAttribute("action"), content));

        Assert.Equal("1 période(s) à ajouter, 0 à mettre à jour, 0 déjà enregistrée(s), 1 ligne(s) ignorée(s).",
            preview.QuerySelector("[data-testid=bilan-import]")!.TextContent.Trim());
        Assert.Equal("Zone A", ((IHtmlSelectElement)preview.QuerySelector("select[name=Zone]")!).Value);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(preview, "/admin/calendrier/import", new Dictionary<string, string?>(), formAction: "handler=Import")).StatusCode);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        Assert.True(await db.Closures.IgnoreQueryFilters().AnyAsync(c => c.MunicipalityId == tenant.MunicipalityId
            && c.StartDate == new DateOnly(2027, 2, 6) && c.EndDate == new DateOnly(2027, 2, 21)));
    }
}
