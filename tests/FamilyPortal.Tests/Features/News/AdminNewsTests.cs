using System.Net;
using AngleSharp.Html.Dom;
using static FamilyPortal.Tests.Features.News.NewsKit;

namespace FamilyPortal.Tests.Features.News;

/// <summary>Staff « Actualités »: writing, publication windows in Paris time, withdrawing, deleting, concurrent edits.</summary>
public class AdminNewsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string NewUrl = "/admin/actualites/fiche";

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        return (tenant, agent);
    }

    private static Dictionary<string, string?> Form(string? title = "Menus de la semaine", string? body = "Les menus sont en ligne.",
        string? from = "", string? until = "") =>
        new() { ["Input.Title"] = title, ["Input.Body"] = body, ["Input.PublishFrom"] = from, ["Input.PublishUntil"] = until };

    private static string StatusOf(IHtmlDocument list, string title) =>
        list.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector("th")!.TextContent == title).QuerySelectorAll("td")[0].TextContent.Trim();

    [Fact]
    public async Task An_agent_writes_an_actualite_published_from_a_paris_time_and_sees_its_status_in_words()
    {
        var (tenant, agent) = await AgentAsync();
        var menu = await agent.GetPageAsync("/admin");
        Assert.NotNull(menu.QuerySelector("nav a[href='/admin/actualites']"));

        var created = await agent.PostFormAsync(NewUrl, Form(body: "Ligne 1\n\nLigne 2", from: "2026-11-16T09:30", until: "2026-11-30T18:00"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/actualites", created.Headers.Location!.OriginalString);
        var item = (await ItemsAsync(factory, tenant.MunicipalityId)).Single(n => n.Title == "Menus de la semaine");
        // Paris is UTC+1 in November.
        Assert.Equal(new DateTime(2026, 11, 16, 8, 30, 0), item.PublishFromUtc);
        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0), item.PublishUntilUtc);
        Assert.Equal("Ligne 1\n\nLigne 2", item.Body);
        var list = await agent.GetPageAsync("/admin/actualites");
        Assert.Contains("est enregistrée : programmée", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("programmée", StatusOf(list, "Menus de la semaine"));
        Assert.Equal("brouillon", StatusOf(list, "Brouillon du test"));
        Assert.Contains("du 16/11/2026 à 09:30 au 30/11/2026 à 18:00", list.QuerySelector("main tbody")!.TextContent, StringComparison.Ordinal);

        var form = await agent.GetPageAsync($"{NewUrl}/{item.Id}");
        Assert.Equal("2026-11-16T09:30", ((IHtmlInputElement)form.QuerySelector("#Input_PublishFrom")!).Value);
        Assert.Equal("Ligne 1\n\nLigne 2", ((IHtmlTextAreaElement)form.QuerySelector("#Input_Body")!).Value);
    }

    [Fact]
    public async Task Every_status_is_listed_in_words()
    {
        var (tenant, agent) = await AgentAsync();
        var now = Now(factory);
        await AddAsync(factory, tenant.MunicipalityId, "En ligne", now.AddHours(-1));
        await AddAsync(factory, tenant.MunicipalityId, "Plus tard", now.AddHours(1));
        await AddAsync(factory, tenant.MunicipalityId, "Passée", now.AddDays(-2), now.AddDays(-1));

        var list = await agent.GetPageAsync("/admin/actualites");

        Assert.Equal("publiée", StatusOf(list, "En ligne"));
        Assert.Equal("programmée", StatusOf(list, "Plus tard"));
        Assert.Equal("expirée", StatusOf(list, "Passée"));
        Assert.Equal("brouillon", StatusOf(list, "Brouillon du test"));
    }

    [Theory]
    [InlineData("", "Texte", "", "", "Input.Title", "Le titre est obligatoire (200 caractères au plus).")]
    [InlineData("Titre", "   ", "", "", "Input.Body", "Le texte est obligatoire (10 000 caractères au plus).")]
    [InlineData("Titre", "Texte", "32/13/2026", "", "Input.PublishFrom", "Saisissez la date et l'heure de début, par exemple 16/11/2026 08:00, ou laissez vide pour un brouillon.")]
    [InlineData("Titre", "Texte", "", "demain", "Input.PublishUntil", "Saisissez la date et l'heure de fin, par exemple 30/11/2026 18:00, ou laissez vide.")]
    [InlineData("Titre", "Texte", "2026-11-20T10:00", "2026-11-20T10:00", "Input.PublishUntil", "La fin de la publication doit être après son début.")]
    [InlineData("Titre", "Texte", "", "2026-11-20T10:00", "Input.PublishUntil", "Indiquez aussi la date de début de la publication, ou laissez la date de fin vide.")]
    [InlineData("Titre", "Texte", "2026-11-01T10:00", "2026-11-16T07:59", "Input.PublishUntil", "Cette date de fin est déjà passée : choisissez une date à venir, ou « Retirer maintenant » pour arrêter la publication.")]
    public async Task Bad_input_gets_a_french_message_next_to_the_field_and_writes_nothing(string title, string body, string from, string until, string field, string message)
    {
        var (tenant, agent) = await AgentAsync();
        var before = (await ItemsAsync(factory, tenant.MunicipalityId)).Count;

        var response = await agent.PostFormAsync(NewUrl, Form(title, body, from, until));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(message, PageClient.ErrorOf(page, field));
        Assert.Equal("true", page.QuerySelector($"[name='{field}']")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, (await ItemsAsync(factory, tenant.MunicipalityId)).Count);
    }

    [Fact]
    public async Task A_title_too_long_is_refused_and_nothing_changes()
    {
        var (tenant, agent) = await AgentAsync();
        var id = await AddAsync(factory, tenant.MunicipalityId, "Avant", null);

        var response = await agent.PostFormAsync($"{NewUrl}/{id}", new Dictionary<string, string?> { ["Input.Title"] = new string('A', 201) });

        Assert.Equal("Le titre est obligatoire (200 caractères au plus).", PageClient.ErrorOf(await PageClient.ParseAsync(response), "Input.Title"));
        var stored = (await FindAsync(factory, id))!;
        Assert.Equal("Avant", stored.Title);
        Assert.Equal(0, stored.Version);
    }

    [Fact]
    public async Task Two_agents_editing_the_same_actualite_the_second_save_is_refused_with_the_current_values()
    {
        var (tenant, first) = await AgentAsync();
        var second = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var id = await AddAsync(factory, tenant.MunicipalityId, "Menus", null);
        var url = $"{NewUrl}/{id}";
        var firstForm = await first.GetPageAsync(url);
        var secondForm = await second.GetPageAsync(url);

        var saved = await first.SubmitAsync(firstForm, url, new Dictionary<string, string?> { ["Input.Title"] = "Menus de novembre" });
        var refused = await second.SubmitAsync(secondForm, url, new Dictionary<string, string?> { ["Input.Title"] = "Menus de décembre" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("modifiée entre-temps", page.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Menus de novembre", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.Equal("Menus de novembre", (await FindAsync(factory, id))!.Title);

        var retry = await second.SubmitAsync(page, url, new Dictionary<string, string?> { ["Input.Title"] = "Menus de décembre" });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("Menus de décembre", (await FindAsync(factory, id))!.Title);
    }

    [Fact]
    public async Task Retirer_maintenant_ends_a_publication_at_once_and_parents_stop_seeing_it()
    {
        var (tenant, agent) = await AgentAsync();
        var now = Now(factory);
        var id = await AddAsync(factory, tenant.MunicipalityId, "Sortie scolaire", now.AddDays(-1));
        var parent = await SignedInParentAsync(factory, tenant);
        Assert.Single((await parent.GetPageAsync("/actualites")).QuerySelectorAll("main article"));
        var url = $"{NewUrl}/{id}";

        var withdrawn = await agent.SubmitAsync(await agent.GetPageAsync(url), url, new Dictionary<string, string?>(), formAction: "handler=Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var stored = (await FindAsync(factory, id))!;
        Assert.Equal(now, stored.PublishUntilUtc);
        Assert.Equal(now.AddDays(-1), stored.PublishFromUtc);
        Assert.Equal("expirée", StatusOf(await agent.GetPageAsync("/admin/actualites"), "Sortie scolaire"));
        Assert.Empty((await parent.GetPageAsync("/actualites")).QuerySelectorAll("main article"));
    }

    [Fact]
    public async Task Withdrawing_a_scheduled_actualite_makes_it_a_draft_and_a_draft_has_nothing_to_withdraw()
    {
        var (tenant, agent) = await AgentAsync();
        var id = await AddAsync(factory, tenant.MunicipalityId, "Plus tard", Now(factory).AddDays(1));
        var url = $"{NewUrl}/{id}";
        var form = await agent.GetPageAsync(url);

        await agent.SubmitAsync(form, url, new Dictionary<string, string?>(), formAction: "handler=Withdraw");

        var stored = (await FindAsync(factory, id))!;
        Assert.Null(stored.PublishFromUtc);
        Assert.Equal(1, stored.Version);
        // The page loaded before the first withdrawal still carries the old version, and a draft offers no button.
        var again = await agent.SubmitAsync(form, url, new Dictionary<string, string?>(), formAction: "handler=Withdraw");
        Assert.Contains("modifiée entre-temps", (await PageClient.ParseAsync(again)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await agent.GetPageAsync(url)).QuerySelector("form[action*='handler=Withdraw']"));
        var draft = await agent.Http.PostAsync($"{url}?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = "1",
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Contains("il n'y a rien à retirer", (await PageClient.ParseAsync(draft)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, (await FindAsync(factory, id))!.Version);
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_refuses_a_stale_page_and_removes_the_reads_too()
    {
        var (tenant, agent) = await AgentAsync();
        var id = await AddAsync(factory, tenant.MunicipalityId, "À supprimer", Now(factory).AddHours(-1));
        var parent = await SignedInParentAsync(factory, tenant);
        await parent.GetPageAsync("/actualites");
        Assert.Equal(1, await ReadCountAsync(factory, tenant.LinkedAccountId!));
        var url = $"/admin/actualites/{id}/supprimer";
        var confirm = await agent.GetPageAsync(url);
        Assert.Contains("À supprimer", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await agent.PostFormAsync($"{NewUrl}/{id}", new Dictionary<string, string?> { ["Input.Title"] = "Modifiée" });
        var stale = await agent.SubmitAsync(confirm, url, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("modifiée entre-temps", (await PageClient.ParseAsync(stale)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync(factory, id));

        var deleted = await agent.PostFormAsync(url, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync(factory, id));
        Assert.Equal(0, await ReadCountAsync(factory, tenant.LinkedAccountId!));
        Assert.Contains("« Modifiée » est supprimée", (await agent.GetPageAsync("/admin/actualites")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_collectivites_actualites_are_neither_listed_nor_reachable()
    {
        var (_, agent) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        var id = await AddAsync(factory, other.MunicipalityId, "Ailleurs", Now(factory).AddHours(-1));
        var token = (await agent.GetPageAsync("/admin/actualites")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.DoesNotContain("Ailleurs", (await agent.GetPageAsync("/admin/actualites")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"{NewUrl}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/actualites/{id}/supprimer")).StatusCode);
        foreach (var target in new[] { $"{NewUrl}/{id}", $"{NewUrl}/{id}?handler=Withdraw", $"/admin/actualites/{id}/supprimer" })
        {
            var response = await agent.Http.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Title"] = "Pirate",
                ["Input.Body"] = "Pirate",
                ["Input.Version"] = "0",
                ["Version"] = "0",
            }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var stored = (await FindAsync(factory, id))!;
        Assert.Equal(("Ailleurs", 0, (DateTime?)null), (stored.Title, stored.Version, stored.PublishUntilUtc));
    }

    [Fact]
    public async Task Parents_cannot_open_the_admin_page()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await SignedInParentAsync(factory, tenant);

        Assert.Equal(HttpStatusCode.Forbidden, (await parent.Http.GetAsync("/admin/actualites")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.Http.GetAsync(NewUrl)).StatusCode);
    }
}
