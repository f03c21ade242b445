using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Enrolments.EnrolmentKit;

namespace FamilyPortal.Tests.Features.Enrolments.Campaigns;

/// <summary>
/// « Campagnes d'inscription » through the pages: the criteria « inscrit la période précédente » and « tranche de
/// quotient familial » from the form to the explained preview and the confirmation; agents read but may not decide.
/// </summary>
public class CampaignCriteriaPageTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/inscriptions/campagnes";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(TenantBuilder.Tenant tenant) => new()
    {
        ["Input.Name"] = "Réinscriptions 2026-2027",
        ["Input.Period"] = "2026-09-01",
        ["Input.ActivityIds"] = Text(tenant.ActivityId),
        [$"Input.Places[{Text(tenant.ActivityId)}]"] = "2",
        ["Input.OpensOn"] = "2026-11-10",
        ["Input.ClosesOn"] = "2026-11-20",
        ["Input.PostalCodes"] = "",
    };

    /// <summary>Posts the « Nouvelle campagne » form with its six criteria lists filled in order, « (aucun) » in the others.</summary>
    private static async Task<HttpResponseMessage> CreateAsync(PageClient staff, TenantBuilder.Tenant tenant, params string[] criteria)
    {
        var page = await staff.GetPageAsync(Url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = Form(tenant)
            .Concat(Enumerable.Range(0, 6).Select(i => new KeyValuePair<string, string>("Input.Criteria", criteria.ElementAtOrDefault(i) ?? "")))
            .Append(new("__RequestVerificationToken", token));
        return await staff.Http.PostAsync(Url + "?handler=Create", new FormUrlEncodedContent(fields));
    }

    private async Task<int> FamilyAsking(TenantBuilder.Tenant tenant, int campaignId, string name, int? quotient)
    {
        var familyId = await Reservations.ReservationKit.AddFamilyAsync(factory, tenant, name);
        await CampaignKit.DescribeFamilyAsync(factory, tenant.MunicipalityId, familyId, null, quotient);
        await using var session = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, familyId);
        var childId = await Reservations.ReservationKit.ChildOfAsync(factory, tenant.MunicipalityId, familyId);
        var requests = session.Get<CampaignRequests>();
        var campaign = (await requests.PendingForAsync(tenant.ActivityId, YearStart, default))!;
        Assert.Equal(campaignId, campaign.Id);
        await requests.RequestAsync(session.Parent, campaign, childId, tenant.ActivityId, false, default);
        return childId;
    }

    /// <summary>Tranches B (from 800) and C (from 1 500) besides the test collectivité's « Tranche A », and the school year 2025-2026.</summary>
    private async Task PrepareAsync(TenantBuilder.Tenant tenant)
    {
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, Capacity = 10 });
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            db.QuotientBrackets.Add(new QuotientBracket { MunicipalityId = tenant.MunicipalityId, Label = "Tranche B", MinQuotient = 800 });
            db.QuotientBrackets.Add(new QuotientBracket { MunicipalityId = tenant.MunicipalityId, Label = "Tranche C", MinQuotient = 1500 });
            db.SchoolYears.Add(new SchoolYear { MunicipalityId = tenant.MunicipalityId, Label = "2025-2026", StartDate = new(2025, 9, 1), EndDate = new(2026, 7, 4) });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>An inscription of the child at the test activity for the school year 2025-2026, in the given state.</summary>
    private Task<int> LastYearAsync(TenantBuilder.Tenant tenant, int childId, EnrolmentState state) =>
        factory.InTenantAsync(tenant.MunicipalityId, db =>
        {
            db.Enrolments.Add(new Enrolment
            {
                MunicipalityId = tenant.MunicipalityId,
                ChildId = childId,
                ActivityId = tenant.ActivityId,
                PeriodLabel = "Année scolaire 2025-2026",
                StartDate = new DateOnly(2025, 9, 1),
                EndDate = new DateOnly(2026, 7, 4),
                State = state,
            });
            return db.SaveChangesAsync();
        });

    [Fact]
    public async Task Last_periods_children_then_the_lower_tranches_get_the_places_and_the_preview_explains_each_rank()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        await PrepareAsync(tenant);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var form = await admin.GetPageAsync(Url);
        Assert.Equal(6, form.QuerySelectorAll("select[name='Input.Criteria']").Length);
        Assert.NotNull(form.QuerySelector("option[value=reinscription]"));
        Assert.NotNull(form.QuerySelector("option[value=tranche-quotient]"));

        var created = await CreateAsync(admin, tenant, "reinscription", "tranche-quotient");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailsUrl = created.Headers.Location!.OriginalString;
        var campaignId = int.Parse(detailsUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var criteria = (await admin.GetPageAsync(detailsUrl)).QuerySelectorAll("dd ol li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Enfant inscrit à cette activité la période précédente (inscrit à la même activité l'année scolaire ou la période précédente)",
            "Tranche de quotient familial (la plus basse d'abord) (tranches des factures ; les familles d'une même tranche sont à égalité ; QF non connu après toutes les tranches)",
            "Tirage au sort (le plus petit numéro d'abord)"], criteria);

        var renewed = await FamilyAsking(tenant, campaignId, "RENOUVEAU", 1600);
        var modest = await FamilyAsking(tenant, campaignId, "MODESTE", 300);
        var middle = await FamilyAsking(tenant, campaignId, "MOYEN", 900);
        await FamilyAsking(tenant, campaignId, "INCONNU", null);
        await LastYearAsync(tenant, renewed, EnrolmentState.Enrolled);
        // A request of last year withdrawn, and a place held at the test activity before last year, count for nothing.
        await LastYearAsync(tenant, middle, EnrolmentState.Withdrawn);
        await factory.InTenantAsync(tenant.MunicipalityId, db =>
        {
            db.Enrolments.Add(new Enrolment
            {
                MunicipalityId = tenant.MunicipalityId,
                ChildId = modest,
                ActivityId = tenant.ActivityId,
                PeriodLabel = "Année scolaire 2024-2025",
                StartDate = new DateOnly(2024, 9, 2),
                EndDate = new DateOnly(2025, 7, 5),
                State = EnrolmentState.Enrolled,
            });
            return db.SaveChangesAsync();
        });
        await CampaignKit.CloseAsync(factory, tenant.MunicipalityId, campaignId);

        var preview = await admin.GetPageAsync(detailsUrl + "?apercu=true");
        var rows = preview.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["RENOUVEAU", "MODESTE", "MOYEN", "INCONNU"], rows.Select(r => r[2]));
        Assert.Equal(["place attribuée", "place attribuée", "liste d'attente", "liste d'attente"], rows.Select(r => r[3]));
        Assert.StartsWith("inscrit ici la période précédente, tranche de QF « Tranche C » (3 sur 3), tirage n° 0,", rows[0][4], StringComparison.Ordinal);
        Assert.StartsWith("pas inscrit ici la période précédente, tranche de QF « Tranche A » (1 sur 3), tirage n° 0,", rows[1][4], StringComparison.Ordinal);
        Assert.StartsWith("pas inscrit ici la période précédente, tranche de QF « Tranche B » (2 sur 3), tirage n° 0,", rows[2][4], StringComparison.Ordinal);
        Assert.StartsWith("pas inscrit ici la période précédente, QF non connu : après toutes les tranches, tirage n° 0,", rows[3][4], StringComparison.Ordinal);

        var confirmed = await admin.SubmitAsync(preview, detailsUrl + "?apercu=true", new Dictionary<string, string?>(), formAction: "handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var result = await CampaignKit.RequestsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, campaignId);
        var ranked = result.Where(r => r.Request?.Rank is not null).OrderBy(r => r.Request!.Rank).ToList();
        Assert.Equal([renewed, modest], ranked.Where(r => r.Enrolment.State == EnrolmentState.Enrolled).Select(r => r.Enrolment.ChildId));
        Assert.Equal(rows.Select(r => r[4]), ranked.Select(r => r.Request!.Explanation));
        var mails = await MailsAsync(factory, tenant.MunicipalityId);
        Assert.Contains(mails, m => m.Subject.StartsWith("Place attribuée", StringComparison.Ordinal)
            && m.TextBody.Contains("(inscrit ici la période précédente, tranche de QF « Tranche C » (3 sur 3), tirage n° ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_tranche_criterion_is_refused_while_the_collectivite_has_no_tranche()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, Capacity = 10 });
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            db.BracketPrices.RemoveRange(await db.BracketPrices.ToListAsync());
            db.QuotientBrackets.RemoveRange(await db.QuotientBrackets.ToListAsync());
            return await db.SaveChangesAsync();
        });
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        var refused = await CreateAsync(admin, tenant, "tranche-quotient");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Aucune tranche de quotient familial n'est définie (« Factures », « Tranches ») : ce critère ne départagerait personne.",
            PageClient.ErrorOf(await PageClient.ParseAsync(refused), "Input.Criteria"));
        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task An_agent_reads_and_previews_campaigns_but_creating_one_or_confirming_its_allocation_is_refused_and_writes_nothing()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        await PrepareAsync(tenant);
        var campaignId = await CampaignKit.CreateAsync(factory, tenant.MunicipalityId, tenant.ActivityId, 1, "tranche-quotient");
        await FamilyAsking(tenant, campaignId, "PREMIER", 300);
        await FamilyAsking(tenant, campaignId, "SECOND", 1600);
        await CampaignKit.CloseAsync(factory, tenant.MunicipalityId, campaignId);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var detailsUrl = $"{Url}/{Text(campaignId)}";

        var list = await agent.GetPageAsync(Url);
        Assert.Null(list.QuerySelector("form[action*='handler=Create']"));
        Assert.Contains("La création d'une campagne est réservée aux administrateurs", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var preview = await agent.GetPageAsync(detailsUrl + "?apercu=true");
        Assert.Equal(2, preview.QuerySelectorAll("tbody tr").Length);
        Assert.Null(preview.QuerySelector("form[action*='handler=Confirm']"));
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);
        var token = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var create = await CreateAsync(agent, tenant, "tranche-quotient");
        var confirm = await agent.Http.PostAsync(detailsUrl + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["graine"] = "20261116",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
        Assert.Null((await CampaignKit.CampaignAsync(factory, tenant.MunicipalityId, campaignId)).ConfirmedAtUtc);
    }
}
