using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;

namespace FamilyPortal.Tests.Features.Reservations;

/// <summary>The grid and basket pages as a browser without JavaScript uses them, and as grid.js does.</summary>
public class ReservationPageTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Password = "Une phrase de passe pour la cantine";
    private const string Cell = "handler=Cell";

    private string? _lastIdentifiant;

    private async Task<(PageClient Client, TenantBuilder.Tenant Tenant, string AccountId)> SignedInParentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount { UserName = "grille-" + Guid.NewGuid().ToString("N")[..10], Email = $"{Guid.NewGuid():N}@exemple.test", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        db.Memberships.Add(new Membership { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, AccountId = account.Id });
        await db.SaveChangesAsync();
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.AccountJourney.SignInAsync(client, account.UserName, Password)).StatusCode);
        _lastIdentifiant = account.UserName;
        return (client, tenant, account.Id);
    }

    private static string GridUrl(TenantBuilder.Tenant tenant) => $"/reservations?enfant={tenant.ChildId}&semaine=2026-11-23";

    private async Task<int> BasketCountAsync(string accountId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().BasketLines.IgnoreQueryFilters().CountAsync(l => l.AccountId == accountId);
    }

    [Fact]
    public async Task The_week_grid_shows_the_guide_heading_days_rows_and_states()
    {
        var (client, tenant, _) = await SignedInParentAsync();
        var page = await client.GetPageAsync(GridUrl(tenant));

        Assert.Equal("Semaine 48 du 23/11/2026 au 27/11/2026 — Lou", page.QuerySelector("#grille caption")!.TextContent.Trim().Replace("  ", " ", StringComparison.Ordinal));
        Assert.Equal(["Prestation", "L23", "M24", "M25", "J26", "V27"], page.QuerySelectorAll("#grille thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal("GT - RESTAURATION", page.QuerySelector("#grille tbody th")!.TextContent.Trim());
        var labels = page.QuerySelectorAll("#grille td").Select(td => (td.QuerySelector("[aria-label]") ?? td.QuerySelector(".visually-hidden"))!.GetAttribute("aria-label") ?? td.TextContent.Trim()).ToList();
        Assert.EndsWith(": réservable", labels[0], StringComparison.Ordinal);
        Assert.Contains(": fermé", labels[2], StringComparison.Ordinal);
        Assert.Equal("Votre panier est vide", page.QuerySelector("#panier p")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".legend"));
        foreach (var label in new[] { "Précédent", "Aujourd'hui", "Suivant", "Réserver en Vue Période" })
        {
            Assert.Contains(page.QuerySelectorAll(".week-nav a"), a => a.TextContent.Trim() == label);
        }
        var period = await client.GetPageAsync(GridUrl(tenant) + "&vue=periode");
        Assert.Equal(4, period.QuerySelectorAll("#grille table").Length);
    }

    [Fact]
    public async Task Without_javascript_a_cell_posts_the_form_and_the_page_comes_back_with_the_basket()
    {
        var (client, tenant, accountId) = await SignedInParentAsync();
        var page = await client.GetPageAsync(GridUrl(tenant));

        var response = await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:2026-11-23" }, Cell);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await BasketCountAsync(accountId));
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("lundi 23 novembre 2026 ajouté au panier.", after.QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("lundi 23 novembre 2026", after.QuerySelector("#panier")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4,10 €", after.QuerySelector("#panier")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_javascript_a_cell_answers_the_updated_page_in_place()
    {
        var (client, tenant, accountId) = await SignedInParentAsync();
        var page = await client.GetPageAsync(GridUrl(tenant));
        client.Http.DefaultRequestHeaders.Add("X-Requested-With", "fetch");

        var response = await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:2026-11-24" }, Cell);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await PageClient.ParseAsync(response);
        Assert.EndsWith(": à réserver, dans le panier", updated.QuerySelector($"#c-{tenant.ActivityId}-20261124")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(1, await BasketCountAsync(accountId));
    }

    [Theory]
    [InlineData("2026-11-25", HttpStatusCode.Conflict, "fermé")]
    [InlineData("2026-11-17", HttpStatusCode.Conflict, "délai dépassé le 13/11 à 10:00")]
    [InlineData("pas-une-date", HttpStatusCode.BadRequest, "Demande invalide.")]
    public async Task A_refused_cell_answers_a_4xx_with_its_reason_and_writes_nothing(string day, HttpStatusCode status, string message)
    {
        var (client, tenant, accountId) = await SignedInParentAsync();
        var page = await client.GetPageAsync(GridUrl(tenant));

        var response = await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:{day}" }, Cell);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, (await PageClient.ParseAsync(response)).QuerySelector("#messages .notice-error")!.TextContent.Trim());
        Assert.Equal(0, await BasketCountAsync(accountId));
    }

    [Fact]
    public async Task Forged_child_or_activity_of_another_family_or_collectivite_answers_404_and_writes_nothing()
    {
        var (client, tenant, accountId) = await SignedInParentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var neighbour = await ChildOfAsync(factory, tenant.MunicipalityId, await AddFamilyAsync(factory, tenant));
        var page = await client.GetPageAsync(GridUrl(tenant));

        var otherChild = await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?>
        {
            ["enfant"] = neighbour.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cellule"] = $"{tenant.ActivityId}:2026-11-23",
        }, Cell);
        var otherActivity = await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?> { ["cellule"] = $"{other.ActivityId}:2026-11-23" }, Cell);

        Assert.Equal(HttpStatusCode.NotFound, otherChild.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherActivity.StatusCode);
        Assert.Equal(0, await BasketCountAsync(accountId));
    }

    [Fact]
    public async Task Valider_from_the_basket_leads_to_the_summary_and_a_second_valider_books_nothing_more()
    {
        var (client, tenant, accountId) = await SignedInParentAsync();
        var page = await client.GetPageAsync(GridUrl(tenant));
        await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:2026-11-26" }, Cell);
        var grid = await client.GetPageAsync(GridUrl(tenant));

        var validated = await client.SubmitAsync(grid, GridUrl(tenant), new Dictionary<string, string?>(), formAction: "handler=Validate");
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        var summary = await client.GetPageAsync(validated.Headers.Location!.OriginalString);
        Assert.Contains("1 réservation(s) et 0 annulation(s) enregistrée(s)", summary.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Réservé · Lou · GT - RESTAURATION · jeudi 26 novembre 2026", summary.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The same form posted again (back button, double click): nothing more is booked.
        var again = await client.SubmitAsync(grid, GridUrl(tenant), new Dictionary<string, string?>(), formAction: "handler=Validate");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/reservations", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Single(await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new DateOnly(2026, 11, 26)));

        // Another parent cannot read this summary.
        var (stranger, _, _) = await SignedInParentAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(validated.Headers.Location!.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task Joining_a_full_days_waiting_list_through_valider_is_told_as_such_on_the_summary()
    {
        var (client, tenant, _) = await SignedInParentAsync();
        var thursday = new DateOnly(2026, 11, 26);
        await SetCapacityAsync(factory, tenant.MunicipalityId, tenant.ActivityId, 0);
        var page = await client.GetPageAsync(GridUrl(tenant));
        Assert.EndsWith(": complet, liste d'attente possible", page.QuerySelector($"#c-{tenant.ActivityId}-20261126")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:2026-11-26" }, Cell);
        var grid = await client.GetPageAsync(GridUrl(tenant));

        var validated = await client.SubmitAsync(grid, GridUrl(tenant), new Dictionary<string, string?>(), formAction: "handler=Validate");

        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        var summary = (await client.GetPageAsync(validated.Headers.Location!.OriginalString)).QuerySelector("main")!.TextContent;
        Assert.Contains("0 réservation(s) et 0 annulation(s) enregistrée(s) ; 1 inscription(s) en liste d'attente.", summary, StringComparison.Ordinal);
        Assert.Empty(await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, thursday));
        var rank = (await client.GetPageAsync(GridUrl(tenant))).QuerySelector("#grille tbody td:nth-of-type(4)")!.TextContent;
        Assert.Contains("liste d'attente", rank, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vider_and_the_bin_remove_lines_and_a_post_without_token_is_refused()
    {
        var (client, tenant, accountId) = await SignedInParentAsync();
        foreach (var day in new[] { "2026-11-23", "2026-11-24" })
        {
            var page = await client.GetPageAsync(GridUrl(tenant));
            await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:{day}" }, Cell);
        }
        var grid = await client.GetPageAsync(GridUrl(tenant));
        var binButton = grid.QuerySelector("#panier button.bin")!;
        var bin = binButton.GetAttribute("value");
        // Drawn inline, not an emoji a phone without an emoji font shows as an empty box; the name is the button's.
        Assert.NotNull(binButton.QuerySelector("svg[aria-hidden=true]"));
        Assert.StartsWith("Retirer du panier : ", binButton.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.DoesNotContain("\U0001F5D1", grid.Body!.TextContent, StringComparison.Ordinal);

        var forged = await client.Http.PostAsync("/panier?handler=Clear", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(2, await BasketCountAsync(accountId));

        await client.SubmitAsync(grid, GridUrl(tenant), new Dictionary<string, string?> { ["ligne"] = bin }, formAction: "handler=Remove");
        Assert.Equal(1, await BasketCountAsync(accountId));
        await client.SubmitAsync(grid, GridUrl(tenant), new Dictionary<string, string?>(), formAction: "handler=Clear");
        Assert.Equal(0, await BasketCountAsync(accountId));
    }

    [Fact]
    public async Task A_period_puts_every_allowed_day_in_the_basket_and_lists_the_others()
    {
        var (client, tenant, accountId) = await SignedInParentAsync();
        var page = await client.GetPageAsync(GridUrl(tenant));

        var response = await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?>
        {
            ["prestation"] = tenant.ActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["du"] = "2026-12-14",
            ["au"] = "2026-12-25",
            ["jours"] = "1",
        }, formAction: "handler=Period");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await PageClient.ParseAsync(response);
        Assert.Equal("1 jour ajouté au panier.", result.QuerySelector("#messages .notice-success")!.TextContent.Trim());
        Assert.Contains("lundi 21 décembre 2026 : fermé (Vacances de Noël)", result.QuerySelector("#messages details")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await BasketCountAsync(accountId));
    }

    [Fact]
    public async Task The_basket_survives_sign_out_and_follows_the_parent_to_another_device()
    {
        var (client, tenant, _) = await SignedInParentAsync();
        var identifiant = _lastIdentifiant!;
        var page = await client.GetPageAsync(GridUrl(tenant));
        await client.SubmitAsync(page, GridUrl(tenant), new Dictionary<string, string?> { ["cellule"] = $"{tenant.ActivityId}:2026-11-23" }, Cell);
        var grid = await client.GetPageAsync(GridUrl(tenant));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(grid, GridUrl(tenant), new Dictionary<string, string?>(), formAction: "/deconnexion")).StatusCode);

        var phone = PageClient.For(factory);
        await Accounts.AccountJourney.SignInAsync(phone, identifiant, Password);
        var again = await phone.GetPageAsync(GridUrl(tenant));
        Assert.Contains("lundi 23 novembre 2026", again.QuerySelector("#panier")!.TextContent, StringComparison.Ordinal);
    }
}
