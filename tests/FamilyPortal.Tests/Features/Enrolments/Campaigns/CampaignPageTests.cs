using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Enrolments.EnrolmentKit;

namespace FamilyPortal.Tests.Features.Enrolments.Campaigns;

/// <summary>« Campagnes d'inscription » for staff and the campaign rows of « Inscriptions » for parents, as a browser without JavaScript uses them.</summary>
public class CampaignPageTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Password = "Une phrase de passe pour la campagne";
    private const string Url = "/admin/inscriptions/campagnes";

    private async Task<PageClient> SignedInParentAsync(TenantBuilder.Tenant tenant)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount { UserName = "camp-" + Guid.NewGuid().ToString("N")[..10], Email = $"{Guid.NewGuid():N}@exemple.test", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        db.Memberships.Add(new Membership { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, AccountId = account.Id });
        await db.SaveChangesAsync();
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.AccountJourney.SignInAsync(client, account.UserName, Password)).StatusCode);
        return client;
    }

    /// <summary>Posts fields as given (a field may repeat), with the anti-forgery token of the campaigns page.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PageClient client, string url, IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var token = (await client.GetPageAsync(Url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value ?? ""))
            .Append(new("__RequestVerificationToken", token))));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> ValidForm(TenantBuilder.Tenant tenant) => new()
    {
        ["Input.Name"] = "Inscriptions de l'année",
        ["Input.Period"] = "2026-09-01",
        ["Input.ActivityIds"] = Text(tenant.ActivityId),
        [$"Input.Places[{Text(tenant.ActivityId)}]"] = "1",
        ["Input.OpensOn"] = "2026-11-10",
        ["Input.ClosesOn"] = "2026-11-20",
        ["Input.Criteria"] = "residents",
        ["Input.PostalCodes"] = "54000, 54100",
    };

    [Fact]
    public async Task Staff_create_a_campaign_parents_ask_during_the_window_and_staff_preview_then_confirm_once()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, Capacity = 12, AutoAccept = true });
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var form = await admin.GetPageAsync(Url);
        Assert.Equal("12", form.QuerySelector($"#places-{tenant.ActivityId}")!.GetAttribute("value"));
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        var wrong = ValidForm(tenant);
        (wrong["Input.ClosesOn"], wrong["Input.PostalCodes"], wrong[$"Input.Places[{Text(tenant.ActivityId)}]"]) = ("2026-11-01", "", "beaucoup");
        var refused = await admin.SubmitAsync(form, Url, wrong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        Assert.Equal("Le dernier jour des demandes ne peut pas être déjà passé.", PageClient.ErrorOf(shown, "Input.ClosesOn"));
        Assert.Equal("Indiquez le ou les codes postaux de la commune : ils désignent les familles résidentes.", PageClient.ErrorOf(shown, "Input.PostalCodes"));
        Assert.StartsWith("Le nombre de places de « ", PageClient.ErrorOf(shown, $"Input.Places[{Text(tenant.ActivityId)}]"), StringComparison.Ordinal);
        var twice = ValidForm(tenant).Where(p => p.Key != "Input.Criteria").Append(new("Input.Criteria", "quotient")).Append(new("Input.Criteria", "quotient"));
        var duplicate = await PostAsync(admin, Url + "?handler=Create", twice);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("Le critère « Quotient familial le plus bas » est choisi deux fois.", PageClient.ErrorOf(await PageClient.ParseAsync(duplicate), "Input.Criteria"));
        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));

        var created = await admin.SubmitAsync(form, Url, ValidForm(tenant));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailsUrl = created.Headers.Location!.OriginalString;
        var details = await admin.GetPageAsync(detailsUrl);
        Assert.Contains("La campagne « Inscriptions de l'année » est créée", details.QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("demandes ouvertes", details.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        var campaignId = int.Parse(detailsUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var seed = (await CampaignKit.CampaignAsync(factory, tenant.MunicipalityId, campaignId)).Seed;
        Assert.Contains(Text(seed), details.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        var again = await admin.SubmitAsync(form, Url, ValidForm(tenant));
        Assert.StartsWith("Une campagne existe déjà pour « ", PageClient.ErrorOf(await PageClient.ParseAsync(again), "Input.ActivityIds"), StringComparison.Ordinal);

        // The parent asks, declaring both parents at work; automatic acceptance waits for the allocation.
        var parent = await SignedInParentAsync(tenant);
        var page = await parent.GetPageAsync("/inscriptions");
        Assert.Contains("L'ordre d'arrivée ne compte pas", page.QuerySelector("td[data-label='Action']")!.TextContent, StringComparison.Ordinal);
        var asked = await parent.SubmitAsync(page, "/inscriptions", new Dictionary<string, string?> { ["deuxParents"] = "oui" }, formAction: "/inscriptions/Request");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        page = await parent.GetPageAsync("/inscriptions");
        Assert.Contains("Votre demande est enregistrée pour la campagne « Inscriptions de l'année »", page.QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("demande en attente", page.QuerySelector("td[data-label='État'] strong")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input[name=deuxParents][checked]"));
        var other = await OtherFamilyAsync(factory, tenant, "SECONDE");
        var otherCampaign = (await other.Session.Get<CampaignRequests>().PendingForAsync(tenant.ActivityId, YearStart, default))!;
        await other.Session.Get<CampaignRequests>().RequestAsync(other.Session.Parent, otherCampaign, other.ChildId, tenant.ActivityId, false, default);
        await other.Session.DisposeAsync();

        // Before the window closes there is nothing to confirm.
        var early = await PostAsync(admin, detailsUrl + "?handler=Confirm", [new("graine", Text(seed))]);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await CampaignKit.CloseAsync(factory, tenant.MunicipalityId, campaignId);
        var preview = await admin.GetPageAsync(detailsUrl + "?apercu=true");
        var rows = preview.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("place attribuée", rows[0], StringComparison.Ordinal);
        Assert.Contains("liste d'attente", rows[1], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains("non résident, tirage n° 0,", r, StringComparison.Ordinal));
        var mailsBefore = (await MailsAsync(factory, tenant.MunicipalityId)).Count;

        var confirmed = await admin.SubmitAsync(preview, detailsUrl + "?apercu=true", new Dictionary<string, string?>(), formAction: $"{detailsUrl}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var result = await admin.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Contains("Attribution confirmée : 1 place(s) attribuée(s), 1 demande(s) en liste d'attente.", result.QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, result.QuerySelectorAll("tbody tr").Length);
        // The first family is told at its file's address and its parent's; the second at its file's.
        var mailsAfter = (await MailsAsync(factory, tenant.MunicipalityId)).Count;
        Assert.Equal(mailsBefore + 3, mailsAfter);
        var twiceConfirmed = await PostAsync(admin, detailsUrl + "?handler=Confirm", [new("graine", Text(seed))]);
        Assert.Equal(HttpStatusCode.Redirect, twiceConfirmed.StatusCode);
        Assert.Contains("déjà confirmée : rien n'a changé", (await admin.GetPageAsync(detailsUrl)).QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(mailsAfter, (await MailsAsync(factory, tenant.MunicipalityId)).Count);
        page = await parent.GetPageAsync("/inscriptions");
        Assert.Matches("^(inscrit|en liste d'attente, rang 1)$", page.QuerySelector("td[data-label='État'] strong")!.TextContent.Trim());
    }

    [Fact]
    public async Task Another_collectivites_campaign_is_not_found()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var other = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var othersCampaign = await CampaignKit.CreateAsync(factory, other.MunicipalityId, other.ActivityId, 3, "residents", "54000");
        await CampaignKit.CloseAsync(factory, other.MunicipalityId, othersCampaign);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"{Url}/{othersCampaign}?apercu=true")).StatusCode);
        var seed = (await CampaignKit.CampaignAsync(factory, other.MunicipalityId, othersCampaign)).Seed;
        var page = await admin.GetPageAsync(Url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var post = await admin.Http.PostAsync($"{Url}/{othersCampaign}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["graine"] = Text(seed),
            ["__RequestVerificationToken"] = token!,
        }));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
    }
}
