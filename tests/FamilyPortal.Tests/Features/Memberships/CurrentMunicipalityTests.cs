using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;
using static FamilyPortal.Tests.Features.Memberships.MembershipJourney;

namespace FamilyPortal.Tests.Features.Memberships;

/// <summary>
/// « Mes réservations » and the current collectivité: a parent of several collectivités sees one at a
/// time, the one they chose, and only its rows.
/// </summary>
public class CurrentMunicipalityTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string ManageLink = "Cliquez ici pour gérer vos abonnements";

    private static void AssertManageLink(AngleSharp.Html.Dom.IHtmlDocument page) =>
        Assert.Equal("/adhesions", page.QuerySelector("main")!.QuerySelectorAll("a").Single(a => a.TextContent == ManageLink).GetAttribute("href"));

    private async Task<(MembershipJourney.Parent Parent, TenantBuilder.Tenant A, TenantBuilder.Tenant B)> ParentOfTwoAsync()
    {
        var a = await TenantBuilder.CreateAsync(factory, "COMMUNE A " + Guid.NewGuid().ToString("N")[..6], childFirstName: "Alice");
        var b = await TenantBuilder.CreateAsync(factory, "COMMUNE B " + Guid.NewGuid().ToString("N")[..6], childFirstName: "Basile");
        var parent = await SignedInParentAsync(factory);
        await JoinAsync(parent.Client, a.AdhesionCode);
        await JoinAsync(parent.Client, b.AdhesionCode);
        return (parent, a, b);
    }

    [Fact]
    public async Task A_parent_lands_on_mes_reservations_which_invites_to_join_while_there_is_no_adhesion()
    {
        var parent = await SignedInParentAsync(factory);
        var page = await parent.Client.GetPageAsync("/reservations");
        Assert.Equal("Mes réservations", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Votre compte n'est encore rattaché à aucune collectivité", Text(page), StringComparison.Ordinal);
        AssertManageLink(page);
        Assert.Null(page.QuerySelector("form[action='/collectivite']"));
        // The dialog of the link is in the page, closed; the script that opens it is a file of the site.
        Assert.NotNull(page.QuerySelector("dialog#adhesions-dialog:not([open]) input[name=Code]"));
        Assert.StartsWith("/js/adhesions.js", page.QuerySelector("script")!.GetAttribute("src"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_one_adhesion_mes_reservations_shows_its_collectivite_and_children_and_keeps_the_link()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, childFirstName: "Zoé");
        var parent = await SignedInParentAsync(factory);
        await JoinAsync(parent.Client, tenant.AdhesionCode);

        var page = await parent.Client.GetPageAsync("/reservations");

        Assert.Contains($"Collectivité : {tenant.Name}", Text(page), StringComparison.Ordinal);
        Assert.Equal(["Zoé MARTIN"], page.QuerySelectorAll("#choix-enfant option").Select(e => e.TextContent.Trim()));
        AssertManageLink(page);
        Assert.Null(page.QuerySelector("form[action='/collectivite']"));
    }

    [Fact]
    public async Task After_joining_two_collectivites_the_parent_sees_the_children_of_the_chosen_one_only()
    {
        var (parent, a, b) = await ParentOfTwoAsync();

        // The collectivité just joined is the current one.
        var page = await parent.Client.GetPageAsync("/reservations");
        Assert.Contains($"Collectivité : {b.Name}", Text(page), StringComparison.Ordinal);
        Assert.Equal(["Basile MARTIN"], page.QuerySelectorAll("#choix-enfant option").Select(e => e.TextContent.Trim()));
        Assert.DoesNotContain("Alice", Text(page), StringComparison.Ordinal);

        var chooser = page.QuerySelector("header form[action='/collectivite']")!;
        Assert.Equal("Collectivité :", chooser.QuerySelector("label")!.TextContent);
        Assert.Equal([a.Name, b.Name], chooser.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Equal(b.Name, chooser.QuerySelector("option[selected]")!.TextContent);
        Assert.Equal("Changer", chooser.QuerySelector("button")!.TextContent);

        var changed = await parent.Client.SubmitAsync(page, "/reservations",
            new Dictionary<string, string?> { ["MunicipalityId"] = a.MunicipalityId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formAction: "/collectivite");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/reservations", changed.Headers.Location!.OriginalString);

        page = await parent.Client.GetPageAsync("/reservations");
        Assert.Contains($"Collectivité : {a.Name}", Text(page), StringComparison.Ordinal);
        Assert.Equal(["Alice MARTIN"], page.QuerySelectorAll("#choix-enfant option").Select(e => e.TextContent.Trim()));
        Assert.DoesNotContain("Basile", Text(page), StringComparison.Ordinal);

        // The choice is remembered on the account, in another browser too.
        var other = PageClient.For(factory);
        await SignInAsync(other, parent.Identifiant, Password);
        Assert.Contains("Alice MARTIN", Text(await other.GetPageAsync("/reservations")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_collectivite_of_the_parent_can_be_chosen_and_never_from_the_address_bar()
    {
        var (parent, a, b) = await ParentOfTwoAsync();
        var stranger = await TenantBuilder.CreateAsync(factory, childFirstName: "Intrus");
        var page = await parent.Client.GetPageAsync("/reservations");

        var refused = await parent.Client.SubmitAsync(page, "/reservations",
            new Dictionary<string, string?> { ["MunicipalityId"] = stranger.MunicipalityId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formAction: "/collectivite");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var query = $"MunicipalityId={a.MunicipalityId}&collectivite={a.MunicipalityId}";
        Assert.Equal(HttpStatusCode.Redirect, (await parent.Client.Http.GetAsync("/collectivite?" + query)).StatusCode);
        var text = Text(await parent.Client.GetPageAsync("/reservations?" + query));
        Assert.Contains("Basile MARTIN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Intrus", text, StringComparison.Ordinal);

        var forged = await parent.Client.Http.PostAsync("/collectivite", new FormUrlEncodedContent(new Dictionary<string, string> { ["MunicipalityId"] = a.MunicipalityId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Basile MARTIN", Text(await parent.Client.GetPageAsync("/reservations")), StringComparison.Ordinal);
        _ = b;
    }

    [Fact]
    public async Task With_several_adhesions_and_no_choice_the_parent_is_asked_to_choose_and_sees_no_child()
    {
        var (parent, a, _) = await ParentOfTwoAsync();
        await ChangeAsync(factory, async db => (await db.Users.SingleAsync(u => u.Id == parent.AccountId)).SelectedMunicipalityId = null);

        var page = await parent.Client.GetPageAsync("/reservations");
        Assert.Contains("Choisissez une collectivité", Text(page), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#choix-enfant option"));
        Assert.Equal("Choisissez une collectivité", page.QuerySelector("header option[selected], header option")!.TextContent);

        var choice = page.QuerySelector("main")!.QuerySelectorAll("form[action='/collectivite']")
            .Single(f => f.TextContent.Contains(a.Name, StringComparison.Ordinal));
        var token = choice.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var chosen = await parent.Client.Http.PostAsync("/collectivite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["MunicipalityId"] = choice.QuerySelector("input[name=MunicipalityId]")!.GetAttribute("value")!,
            ["ReturnUrl"] = "/reservations",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Contains("Alice MARTIN", Text(await parent.Client.GetPageAsync("/reservations")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remembered_choice_without_its_adhesion_is_not_honoured()
    {
        var (parent, _, b) = await ParentOfTwoAsync();
        await ChangeAsync(factory, async db =>
            db.Memberships.Remove(await db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
                .SingleAsync(m => m.AccountId == parent.AccountId && m.MunicipalityId == b.MunicipalityId)));

        var text = Text(await parent.Client.GetPageAsync("/reservations"));
        Assert.Contains("Alice MARTIN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Basile", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_sign_in_with_their_second_factor_and_work_on_their_own_collectivite()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, FamilyPortal.Web.Features.Accounts.Roles.Agent);

        var client = await StaffJourney.SignInAsync(factory, staff);

        var page = await client.GetPageAsync("/reservations");
        Assert.Contains($"Votre compte d'agent travaille pour {tenant.Name}", Text(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("dialog"));
    }

    [Fact]
    public async Task My_data_lists_the_adhesions_and_deleting_the_account_removes_them_but_not_the_families()
    {
        var (parent, a, b) = await ParentOfTwoAsync();

        var json = await (await parent.Client.Http.GetAsync("/mon-compte/Export")).Content.ReadAsStringAsync();
        using (var doc = JsonDocument.Parse(json))
        {
            var adhesions = doc.RootElement.GetProperty("adhesions").EnumerateArray().ToList();
            Assert.Equal([a.Name, b.Name], adhesions.Select(x => x.GetProperty("collectivite").GetString()));
            Assert.All(adhesions, x => Assert.Equal("MARTIN", x.GetProperty("foyer").GetString()));
            Assert.All(adhesions, x => Assert.Equal(JsonValueKind.String, x.GetProperty("depuisLe").ValueKind));
        }

        var deleted = await parent.Client.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["DeletePassword"] = Password }, formAction: "/mon-compte/Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await FamiliesOfAsync(factory, parent.AccountId));
        Assert.Equal(1, await AccountsOfFamilyAsync(factory, a.FamilyId));
        Assert.Equal(1, await AccountsOfFamilyAsync(factory, b.FamilyId));
    }
}
