using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Enrolments;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using FamilyPortal.Web.Features.Reservations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>
/// « Inscriptions » in a real browser: a parent asks for the demo's « ALSH Vacances d'hiver », full, is put on
/// its waiting list, and is enrolled when the family holding the place withdraws; both emails are in the
/// development mailbox.
/// </summary>
public sealed class EnrolmentJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour le centre";

    [Fact]
    public async Task A_parent_enrols_is_put_on_the_waiting_list_and_is_enrolled_when_another_family_withdraws()
    {
        var holder = await FamilyAsync("GARNIER", "NINA");
        var (identifiant, email) = (await FamilyAsync("LAMBERT", "ZOÉ")).Login;
        var placeHeld = await RequestAsync(holder.Scope);

        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(identifiant);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        await VisitAsync("/reservations");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Inscrire mon enfant" }).ClickAsync();
        await CheckCurrentPageAsync();
        var row = Page.Locator("tr", new() { HasText = DemoEnrolments.HolidayCentreLabel });
        await Expect(row).ToContainTextAsync("non inscrit");
        await Page.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Inscrire mon enfant" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.Locator("#messages")).ToContainTextAsync("L'activité est complète : votre demande est en liste d'attente, rang 1.");
        await Expect(row).ToContainTextAsync("en liste d'attente, rang 1");

        // The other family gives up its place.
        await using (var scope = Fixture.Server.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Tenant.Enter(holder.Scope.MunicipalityId);
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().WithdrawAsync(holder.Scope, placeHeld, default);
        }
        await VisitAsync("/inscriptions");
        await Expect(Page.Locator("tr", new() { HasText = DemoEnrolments.HolidayCentreLabel })).ToContainTextAsync("inscrit");
        await Expect(Page.Locator("tr", new() { HasText = DemoEnrolments.HolidayCentreLabel })).Not.ToContainTextAsync("liste d'attente");

        await VisitAsync("/dev/courriels");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Demande d'inscription en liste d'attente – COMMUNE D'ECROUVES" }).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Inscription acceptée – COMMUNE D'ECROUVES" }).First).ToBeVisibleAsync();
        Assert.Contains(email, await Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task<int> RequestAsync(ParentScope parent)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(parent.MunicipalityId);
        var centre = await db.Activities.SingleAsync(a => a.Label == DemoEnrolments.HolidayCentreLabel);
        // One place, enrolment at once when it frees: the journey's waiting list.
        centre.Enrolment.Capacity = 1;
        centre.Enrolment.OfferHours = null;
        // The demo's campaign has allocated its places already: the journey is the waiting list that follows.
        foreach (var campaign in await db.AllocationCampaigns.Where(c => c.ConfirmedAtUtc == null).ToListAsync())
        {
            campaign.ConfirmedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }
        await db.SaveChangesAsync();
        var child = await db.Children.Where(c => c.FamilyId == parent.FamilyId).Select(c => c.Id).SingleAsync();
        var enrolment = await scope.ServiceProvider.GetRequiredService<EnrolmentService>()
            .RequestAsync(parent, child, centre.Id, centre.Enrolment.PeriodStart!.Value, default);
        Assert.Equal(Web.Features.Enrolments.Rules.EnrolmentState.Enrolled, enrolment.State);
        return enrolment.Id;
    }

    /// <summary>A family of COMMUNE D'ECROUVES with one child of 8 at Groupe scolaire Justice, and its parent.</summary>
    private async Task<(ParentScope Scope, (string Identifiant, string Email) Login)> FamilyAsync(string household, string child)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var justice = await db.Sites.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == commune.Id && s.Prefix == "GJ");
        var email = $"{household.ToLowerInvariant()}-{Guid.NewGuid():N}@exemple.fr";
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = household, Email = email };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        family.Children.Add(new Child
        {
            MunicipalityId = commune.Id,
            FirstName = child,
            LastName = household,
            SiteId = justice.Id,
            SchoolClass = "CE2",
            BirthDate = new DateOnly(2018, 5, 1),
        });
        db.Families.Add(family);
        var identifiant = $"{household}.{Guid.NewGuid().ToString("N")[..6]}";
        var account = new PortalAccount
        {
            UserName = identifiant,
            Email = email,
            EmailConfirmed = true,
            HouseholdName = household,
            LastName = household,
            FirstName = "Parent",
        };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>().CreateAsync(account, Password)).Succeeded);
        await db.SaveChangesAsync();
        db.Memberships.Add(new Membership { MunicipalityId = commune.Id, FamilyId = family.Id, AccountId = account.Id });
        await db.SaveChangesAsync();
        return (new ParentScope(commune.Id, account.Id, family.Id), (identifiant, email));
    }
}
