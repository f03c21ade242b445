using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Enrolments.EnrolmentKit;

namespace FamilyPortal.Tests.Features.Enrolments;

/// <summary>« Inscriptions » of the families, the staff queue and the activity form, as a browser without JavaScript uses them.</summary>
public class EnrolmentPageTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Password = "Une phrase de passe pour le centre";

    private async Task<PageClient> SignedInParentAsync(TenantBuilder.Tenant tenant)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount { UserName = "inscr-" + Guid.NewGuid().ToString("N")[..10], Email = $"{Guid.NewGuid():N}@exemple.test", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        db.Memberships.Add(new Membership { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, AccountId = account.Id });
        await db.SaveChangesAsync();
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.AccountJourney.SignInAsync(client, account.UserName, Password)).StatusCode);
        return client;
    }

    private async Task<TenantBuilder.Tenant> TenantOnInscriptionAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear });
        return tenant;
    }

    private async Task AssertUnchangedAsync(IReadOnlyDictionary<string, string> before)
    {
        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task A_parent_enrols_a_child_from_Mes_reservations_sees_the_state_and_withdraws()
    {
        var tenant = await TenantOnInscriptionAsync();
        var client = await SignedInParentAsync(tenant);
        var grid = await client.GetPageAsync("/reservations");
        Assert.Equal("Inscrire mon enfant", grid.QuerySelector("a[href='/inscriptions']")!.TextContent.Trim());

        var page = await client.GetPageAsync("/inscriptions");
        Assert.Equal("non inscrit", page.QuerySelector("td[data-label='État'] strong")!.TextContent.Trim());
        var asked = await client.SubmitAsync(page, "/inscriptions", new Dictionary<string, string?>(), formAction: "/inscriptions/Request");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        page = await client.GetPageAsync("/inscriptions");
        Assert.Contains("Votre demande d'inscription est enregistrée", page.QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("demande en attente", page.QuerySelector("td[data-label='État'] strong")!.TextContent.Trim());
        var withdrawn = await client.SubmitAsync(page, "/inscriptions", new Dictionary<string, string?>(), formAction: "/inscriptions/Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(EnrolmentState.Withdrawn, (await StateOfAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId)).State);
        page = await client.GetPageAsync("/inscriptions");
        Assert.Equal("non inscrit", page.QuerySelector("td[data-label='État'] strong")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("2026-09-02", null, "Choisissez une période de la liste.", HttpStatusCode.BadRequest)]
    [InlineData("pas une date", null, "Demande invalide : choisissez un enfant, une activité et une période.", HttpStatusCode.BadRequest)]
    [InlineData("2026-09-01", "999999", "Cette activité n'est pas proposée à cet enfant.", HttpStatusCode.NotFound)]
    public async Task A_forged_request_gets_a_French_message_and_writes_nothing(string period, string? child, string message, HttpStatusCode status)
    {
        var tenant = await TenantOnInscriptionAsync();
        var client = await SignedInParentAsync(tenant);
        var page = await client.GetPageAsync("/inscriptions");
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        var values = new Dictionary<string, string?> { ["periode"] = period };
        if (child is not null)
        {
            values["enfant"] = child;
        }
        var answer = await client.SubmitAsync(page, "/inscriptions", values, formAction: "/inscriptions/Request");

        Assert.Equal(status, answer.StatusCode);
        Assert.Contains(message, (await PageClient.ParseAsync(answer)).QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Staff_refuse_only_with_a_reason_and_accept_in_bulk_from_the_queue()
    {
        var tenant = await TenantOnInscriptionAsync();
        var ids = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var (session, child) = await OtherFamilyAsync(factory, tenant, $"FAMILLE{i}");
            ids.Add((await session.Get<EnrolmentService>().RequestAsync(session.Parent, child, tenant.ActivityId, YearStart, default)).Id);
            await session.DisposeAsync();
        }
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        var queue = await admin.GetPageAsync("/admin/inscriptions");
        Assert.Equal(2, queue.QuerySelectorAll("input[name=ids]").Length);
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        var noReason = await admin.SubmitAsync(queue, "/admin/inscriptions", new Dictionary<string, string?> { ["decision"] = "refuser", ["ids"] = ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Indiquez le motif du refus : il est envoyé à la famille.", PageClient.ErrorOf(await PageClient.ParseAsync(noReason), "motif"));
        var nothingChosen = await admin.SubmitAsync(queue, "/admin/inscriptions", new Dictionary<string, string?> { ["decision"] = "accepter" });
        Assert.Equal(HttpStatusCode.BadRequest, nothingChosen.StatusCode);
        Assert.Equal("Cochez au moins une demande (500 au plus).", PageClient.ErrorOf(await PageClient.ParseAsync(nothingChosen), "ids"));
        var unknown = await admin.SubmitAsync(queue, "/admin/inscriptions", new Dictionary<string, string?> { ["decision"] = "accepter", ["ids"] = "987654" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var other = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var othersRequest = await StateOfAsync(factory, other.MunicipalityId, other.ChildId, other.ActivityId);
        before = await DatabaseFingerprint.OfDatabaseAsync(factory);
        var foreign = await admin.SubmitAsync(queue, "/admin/inscriptions", new Dictionary<string, string?>
        {
            ["decision"] = "retirer",
            ["ids"] = othersRequest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await AssertUnchangedAsync(before);
        await AssertUnchangedAsync(before);

        var form = new FormUrlEncodedContent([
            new("decision", "accepter"), new("ids", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", queue.QuerySelector("form[method=post]:not([action]) input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        var accepted = await admin.Http.PostAsync("/admin/inscriptions", form);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var page = await admin.GetPageAsync(accepted.Headers.Location!.OriginalString);
        Assert.Contains("2 inscription(s) acceptée(s). Les familles sont prévenues par courriel.", page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        var mails = await MailsAsync(factory, tenant.MunicipalityId);
        Assert.Equal(2, mails.Count(m => m.Subject.StartsWith("Inscription acceptée", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_activity_form_sets_the_inscription_and_refuses_a_period_that_ends_before_it_starts()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var url = $"/admin/prestations/fiche/{tenant.ActivityId}";
        var form = await admin.GetPageAsync(url);
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        var wrong = await admin.SubmitAsync(form, url, new Dictionary<string, string?>
        {
            ["Input.Enrolment.Mode"] = "Period",
            ["Input.Enrolment.PeriodLabel"] = "Vacances d'hiver 2027",
            ["Input.Enrolment.PeriodStart"] = "2027-02-19",
            ["Input.Enrolment.PeriodEnd"] = "2027-02-08",
            ["Input.Enrolment.MinAge"] = "douze",
        });
        var shown = await PageClient.ParseAsync(wrong);
        Assert.Equal("La période finit après son premier jour, un an plus tard au plus.", PageClient.ErrorOf(shown, "Input.Enrolment.PeriodEnd"));
        Assert.Equal("L'âge minimum est un nombre d'années entre 0 et 25.", PageClient.ErrorOf(shown, "Input.Enrolment.MinAge"));
        await AssertUnchangedAsync(before);

        var saved = await admin.SubmitAsync(form, url, new Dictionary<string, string?>
        {
            ["Input.Enrolment.Mode"] = "Period",
            ["Input.Enrolment.PeriodLabel"] = "Vacances d'hiver 2027",
            ["Input.Enrolment.PeriodStart"] = "2027-02-08",
            ["Input.Enrolment.PeriodEnd"] = "2027-02-19",
            ["Input.Enrolment.Capacity"] = "24",
            ["Input.Enrolment.AutoAccept"] = "true",
            ["Input.Enrolment.Promotion"] = "offer",
            ["Input.Enrolment.OfferHours"] = "48",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var settings = (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == tenant.ActivityId)).Enrolment;
        Assert.Equal((EnrolmentMode.Period, "Vacances d'hiver 2027", new DateOnly(2027, 2, 8), new DateOnly(2027, 2, 19), 24, true, 48),
            (settings.Mode, settings.PeriodLabel, settings.PeriodStart!.Value, settings.PeriodEnd!.Value, settings.Capacity!.Value, settings.AutoAccept, settings.OfferHours!.Value));
    }
}
