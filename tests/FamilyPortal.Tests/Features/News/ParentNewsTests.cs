using System.Net;
using AngleSharp.Html.Dom;
using FamilyPortal.Tests.Features.Accounts;
using static FamilyPortal.Tests.Features.News.NewsKit;

namespace FamilyPortal.Tests.Features.News;

/// <summary>« Actualités », the parents' first tab: what is published now, newest first, « Nouveau » until seen.</summary>
public class ParentNewsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("main article h2 .news-title").Select(t => t.TextContent).ToList();

    /// <summary>The titles preceded, in their heading, by the word « Nouveau ».</summary>
    private static List<string> NewTitles(IHtmlDocument page) =>
        page.QuerySelectorAll("main article h2").Where(h => h.TextContent.Trim().StartsWith("Nouveau : ", StringComparison.Ordinal))
            .Select(h => h.QuerySelector(".news-title")!.TextContent).ToList();

    [Fact]
    public async Task Only_actualites_whose_window_contains_now_are_shown_newest_first_with_their_date()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var now = Now(factory);
        await AddAsync(factory, tenant.MunicipalityId, "Programmée", now.AddMinutes(1));
        await AddAsync(factory, tenant.MunicipalityId, "Commence maintenant", now);
        await AddAsync(factory, tenant.MunicipalityId, "Publiée hier sans fin", now.AddDays(-1));
        await AddAsync(factory, tenant.MunicipalityId, "Finit dans une minute", now.AddDays(-2), now.AddMinutes(1));
        await AddAsync(factory, tenant.MunicipalityId, "Finie maintenant", now.AddDays(-3), now);
        await AddAsync(factory, tenant.MunicipalityId, "Expirée", now.AddDays(-10), now.AddDays(-5));
        await AddAsync(factory, tenant.MunicipalityId, "Brouillon", null);
        var client = await SignedInParentAsync(factory, tenant);

        var page = await client.GetPageAsync("/actualites");

        Assert.Equal(["Commence maintenant", "Publiée hier sans fin", "Finit dans une minute"], Titles(page));
        // The factory's clock: Monday 16/11/2026 08:00 in Paris.
        var dates = page.QuerySelectorAll("main article .news-date").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(["Publiée le 16/11/2026 à 08:00", "Publiée le 15/11/2026 à 08:00", "Publiée le 14/11/2026 à 08:00"], dates);
        Assert.Equal("2026-11-16T08:00+01:00", page.QuerySelector("main article time")!.GetAttribute("datetime"));
        Assert.Equal("page", page.QuerySelector("nav a[href='/actualites']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Nouveau_marks_what_the_account_has_not_seen_and_goes_once_displayed()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var now = Now(factory);
        await AddAsync(factory, tenant.MunicipalityId, "Inscriptions périscolaires", now.AddHours(-2));
        await AddAsync(factory, tenant.MunicipalityId, "Menus de la semaine", now.AddHours(-1));
        var client = await SignedInParentAsync(factory, tenant);

        var first = await client.GetPageAsync("/actualites");
        Assert.Equal(["Menus de la semaine", "Inscriptions périscolaires"], NewTitles(first));
        Assert.Contains("2 actualité(s), dont 2 nouvelle(s).", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await ReadCountAsync(factory, tenant.LinkedAccountId!));

        var second = await client.GetPageAsync("/actualites");
        Assert.Empty(NewTitles(second));
        Assert.Equal(2, Titles(second).Count);

        await AddAsync(factory, tenant.MunicipalityId, "Fermeture exceptionnelle", now.AddMinutes(-5));
        var third = await client.GetPageAsync("/actualites");
        Assert.Equal(["Fermeture exceptionnelle"], NewTitles(third));
        Assert.Equal(3, await ReadCountAsync(factory, tenant.LinkedAccountId!));
    }

    [Fact]
    public async Task The_marker_belongs_to_each_account_not_to_the_family()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddAsync(factory, tenant.MunicipalityId, "Menus de la semaine", Now(factory).AddHours(-1));
        var first = await SignedInParentAsync(factory, tenant);
        await first.GetPageAsync("/actualites");

        // A second parent of the same family, through the family's code.
        var second = await Memberships.MembershipJourney.SignedInParentAsync(factory);
        await Memberships.MembershipJourney.JoinAsync(second.Client, tenant.AdhesionCode);

        Assert.Equal(["Menus de la semaine"], NewTitles(await second.Client.GetPageAsync("/actualites")));
        Assert.Empty(NewTitles(await first.GetPageAsync("/actualites")));
    }

    [Fact]
    public async Task Staff_text_is_shown_as_text_with_paragraphs_and_only_http_links()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        const string body = "Bonjour <b>à tous</b>,\n\n<script>alert('actualité')</script>\n<img src=x onerror=alert(1)>\n\n"
            + "Menus : https://ecrouves.exemple.fr/menus?semaine=47&site=GJ. Mairie : http://mairie.exemple.fr\n\n"
            + "Pas de lien : javascript:alert(1) ftp://exemple.fr data:text/html,<script>alert(2)</script>\n"
            + "Ni ici : https://exemple.fr/\"onmouseover=\"alert(3) <a href=\"javascript:alert(4)\">clic</a>";
        await AddAsync(factory, tenant.MunicipalityId, "<script>alert('titre')</script>", Now(factory).AddHours(-1), body: body);
        var client = await SignedInParentAsync(factory, tenant);

        var response = await client.Http.GetAsync("/actualites");
        var html = await response.Content.ReadAsStringAsync();
        var page = await PageClient.ParseAsync(response);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>à tous", html, StringComparison.Ordinal);
        var article = page.QuerySelector("main article")!;
        Assert.Empty(article.QuerySelectorAll("script, img, b, [onerror], [onmouseover]"));
        Assert.Equal("<script>alert('titre')</script>", article.QuerySelector("h2 .news-title")!.TextContent);
        var paragraphs = article.QuerySelectorAll("p:not(.news-date)").ToList();
        Assert.Equal(4, paragraphs.Count);
        Assert.Equal("Bonjour <b>à tous</b>,", paragraphs[0].TextContent);
        Assert.Single(paragraphs[1].QuerySelectorAll("br"));
        Assert.Contains("<script>alert('actualité')</script>", paragraphs[1].TextContent, StringComparison.Ordinal);
        var links = article.QuerySelectorAll("a").ToList();
        Assert.Equal(["https://ecrouves.exemple.fr/menus?semaine=47&site=GJ", "http://mairie.exemple.fr/", "https://exemple.fr/"],
            links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("noopener noreferrer", a.GetAttribute("rel")));
        Assert.Equal("https://ecrouves.exemple.fr/menus?semaine=47&site=GJ", links[0].TextContent);
        Assert.Contains("javascript:alert(1) ftp://exemple.fr", paragraphs[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("\"onmouseover=\"alert(3)", paragraphs[3].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_published_shows_a_message()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddAsync(factory, tenant.MunicipalityId, "Programmée", Now(factory).AddDays(1));
        var client = await SignedInParentAsync(factory, tenant);

        var page = await client.GetPageAsync("/actualites");

        Assert.Empty(page.QuerySelectorAll("main article"));
        Assert.Contains("Aucune actualité pour le moment", page.QuerySelector("main [role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_sees_only_the_selected_collectivites_actualites()
    {
        var mine = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var now = Now(factory);
        await AddAsync(factory, mine.MunicipalityId, "Chez nous", now.AddHours(-1));
        await AddAsync(factory, other.MunicipalityId, "Ailleurs", now.AddHours(-1));
        var client = await SignedInParentAsync(factory, mine);
        Assert.Equal(["Chez nous"], Titles(await client.GetPageAsync("/actualites")));

        await AlsoJoinAsync(factory, mine, other);
        var choose = await client.GetPageAsync("/actualites");
        Assert.Contains("Choisissez une collectivité", choose.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(choose.QuerySelectorAll("main article"));

        var form = choose.QuerySelector("main")!.QuerySelectorAll("form[action='/collectivite']")
            .Single(f => f.TextContent.Contains(other.Name, StringComparison.Ordinal));
        var chosen = await client.Http.PostAsync("/collectivite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["MunicipalityId"] = form.QuerySelector("input[name=MunicipalityId]")!.GetAttribute("value")!,
            ["ReturnUrl"] = form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal("/actualites", chosen.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/actualites");
        Assert.Equal(["Ailleurs"], Titles(page));
        Assert.Contains($"Collectivité : {other.Name}", page.QuerySelector(".current-municipality")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_are_pointed_to_their_admin_page_and_see_no_family_news_here()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddAsync(factory, tenant.MunicipalityId, "Menus de la semaine", Now(factory).AddHours(-1));
        var staff = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));

        var page = await staff.GetPageAsync("/actualites");

        Assert.Empty(page.QuerySelectorAll("main article"));
        Assert.NotNull(page.QuerySelector("main a[href='/admin/actualites']"));
    }

    [Fact]
    public async Task A_parent_without_adhesion_is_invited_to_enter_the_code()
    {
        var parent = await Memberships.MembershipJourney.SignedInParentAsync(factory);

        var page = await parent.Client.GetPageAsync("/actualites");

        Assert.Contains("Votre compte n'est encore rattaché à aucune collectivité.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/adhesions']"));
    }

    [Fact]
    public async Task Visitors_are_sent_to_the_sign_in_page()
    {
        var response = await PageClient.For(factory).Http.GetAsync("/actualites");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connexion", response.Headers.Location!.AbsolutePath);
        Assert.Contains("retour=%2Factualites", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_lands_on_actualites_after_signing_in_unless_a_page_was_asked_for()
    {
        var identifiant = AccountJourney.NewIdentifiant();
        await AccountJourney.CreateAccountAsync(factory, identifiant, AccountJourney.NewEmail());
        var credentials = new Dictionary<string, string?> { ["Identifiant"] = identifiant, ["Password"] = AccountJourney.Password };

        var plain = await PageClient.For(factory).PostFormAsync("/connexion", credentials);
        Assert.Equal("/actualites", plain.Headers.Location!.OriginalString);

        var asked = await PageClient.For(factory).PostFormAsync("/connexion?retour=%2Fmon-compte", credentials);
        Assert.Equal("/mon-compte", asked.Headers.Location!.OriginalString);

        var elsewhere = await PageClient.For(factory).PostFormAsync("/connexion?retour=https%3A%2F%2Fexemple.test%2F", credentials);
        Assert.Equal("/actualites", elsewhere.Headers.Location!.OriginalString);
    }
}
