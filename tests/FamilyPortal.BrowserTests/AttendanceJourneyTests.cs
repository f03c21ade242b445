using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Tests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Attendance.Rules;
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
/// An agent takes attendance at the canteen door on a tablet: one mark online, two with the network cut, the page
/// reloaded offline, then the network back; every mark reaches the database. The page also passes axe at 768 and 360 px.
/// The portal's clock is Monday 16/11/2026.
/// </summary>
public sealed class AttendanceJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour le pointage";

    [Fact]
    public async Task An_agent_takes_attendance_offline_then_online_and_finds_every_mark_in_the_database()
    {
        var (login, municipalityId, activityId, children) = await AgentAndChildrenAsync();
        await UseTabletAsync();
        await SignInAsync(login);

        var url = $"/admin/pointage?prestation={activityId}&jour=2026-11-16";
        await VisitAsync(url);
        await Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true)");
        await Page.WaitForFunctionAsync("() => caches.open('pointage-v1').then(c => c.match(location.href)).then(r => !!r)");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Présent : ANNA PLUME" }).ClickAsync();
        await Expect(Item(children[0]).Locator("[data-statut]")).ToHaveTextAsync("Présent");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("En ligne — tous les pointages sont enregistrés.");

        await Page.Context.SetOfflineAsync(true);
        await Page.GetByLabel("Motif d'absence de BASILE PLUME").SelectOptionAsync(new SelectOptionValue { Label = "Maladie" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Absent : BASILE PLUME" }).ClickAsync();
        await Page.GetByLabel("Heure d'arrivée ou de départ de CLARA PLUME").FillAsync("08:20");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Arrivé : CLARA PLUME" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("hors ligne — 2 pointages en attente d'envoi");
        // Adding a child who was not booked needs the server: the page says so and stays on the list.
        await Page.GetByLabel("Nom ou prénom de l'enfant").FillAsync("PLUME");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Expect(Page.Locator("#pointage-ajout-etat")).ToHaveTextAsync(
            "Hors ligne : l'ajout d'un enfant non réservé attend le retour du réseau. Les pointages de la liste restent gardés sur cet appareil.");
        Assert.EndsWith(url, Page.Url, StringComparison.Ordinal);

        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("hors ligne — 2 pointages en attente d'envoi");
        await Expect(Item(children[1]).Locator("[data-statut]")).ToHaveTextAsync("Absent (Maladie) — en attente d'envoi");
        await Expect(Item(children[2]).Locator("[data-statut]")).ToHaveTextAsync("Arrivé à 08:20 — en attente d'envoi");
        Assert.Single(await MarksAsync(municipalityId, children));

        await Page.Context.SetOfflineAsync(false);
        await Page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("En ligne — tous les pointages sont enregistrés.");
        var marks = await MarksAsync(municipalityId, children);
        Assert.Equal(
            [(children[0], AttendanceStatus.Present, (AbsenceMotif?)null, (TimeOnly?)null), (children[1], AttendanceStatus.Absent, AbsenceMotif.Illness, null),
             (children[2], AttendanceStatus.Present, null, new TimeOnly(8, 20))],
            marks.Select(m => (m.ChildId, m.Status, m.Motif, m.ArrivedAt)));

        await VisitAsync(url);
        await Expect(Item(children[2]).Locator("[data-statut]")).ToHaveTextAsync("Présent — arrivé à 08:20");
        await Page.SetViewportSizeAsync(Viewport.Phone.Width, Viewport.Phone.Height);
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewport.Phone.Width, $"the pointage is {scrollWidth} px wide on a 360 px screen");
        await Page.AssertAccessibleAsync();
        var smallest = await Page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('.pointage-form button, .pointage-form select, .pointage-form input:not([type=hidden])')]"
            + ".map(e => Math.min(e.getBoundingClientRect().width, e.getBoundingClientRect().height)))");
        Assert.True(smallest >= 44, $"a touch target of the pointage is {smallest} px");
    }

    private ILocator Item(int childId) => Page.Locator($"#enfant-{childId}");

    private async Task<List<Web.Features.Attendance.AttendanceMark>> MarksAsync(int municipalityId, int[] children)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        return await db.AttendanceMarks.AsNoTracking().Where(m => children.Contains(m.ChildId)).OrderBy(m => m.ChildId).ToListAsync();
    }

    private async Task SignInAsync(string login)
    {
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(login);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        var key = await Page.GetByTestId("cle-authentificateur").TextContentAsync();
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(key!));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activer et me connecter" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    /// <summary>An agent of the demo collectivité, and three children of a family of this test's own booked at the Justice canteen today.</summary>
    private async Task<(string Login, int MunicipalityId, int ActivityId, int[] Children)> AgentAndChildrenAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var canteen = await db.Activities.IgnoreQueryFilters().SingleAsync(a => a.MunicipalityId == commune.Id && a.Label == "JUSTICE - RESTAURATION");
        db.Tenant.Enter(commune.Id);
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = "PLUME", Email = $"plume-{Guid.NewGuid():N}@exemple.fr" };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        var children = new[] { "ANNA", "BASILE", "CLARA" }
            .Select(name => new Child { MunicipalityId = commune.Id, FirstName = name, LastName = "PLUME", SiteId = canteen.SiteId, SchoolClass = "CP" }).ToList();
        family.Children.AddRange(children);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        db.Bookings.AddRange(children.Select(c => new Booking { MunicipalityId = commune.Id, ChildId = c.Id, ActivityId = canteen.Id, Date = new DateOnly(2026, 11, 16) }));
        await db.SaveChangesAsync();

        var login = $"agent.{Guid.NewGuid().ToString("N")[..6]}";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount
        {
            UserName = login,
            Email = $"{login}@ecrouves.exemple.fr",
            EmailConfirmed = true,
            FirstName = "Paul",
            LastName = "ROCHE",
            StaffMunicipalityId = commune.Id,
        };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Roles.Agent)).Succeeded);
        return (login, commune.Id, canteen.Id, children.Select(c => c.Id).ToArray());
    }
}
