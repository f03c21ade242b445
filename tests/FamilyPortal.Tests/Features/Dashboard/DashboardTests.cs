using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Dashboard;

public class DashboardTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task The_tableau_de_bord_shows_todays_and_tomorrows_places_stuck_mail_and_refusals_of_the_collectivite_only()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, childFirstName: "Maëlle");
        var other = await TenantBuilder.CreateAsync(factory, childFirstName: "Ignace");
        var today = ParisClock.Today(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            db.Tenant.EnterPlatformScope();
            db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = tenant.MunicipalityId, ActivityId = tenant.ActivityId, Date = today, Booked = 7 });
            db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = tenant.MunicipalityId, ActivityId = tenant.ActivityId, Date = today.AddDays(1), Booked = 6 });
            db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = tenant.MunicipalityId, ActivityId = tenant.ActivityId, Date = today.AddDays(1), Capacity = 6 });
            db.BasketLines.Add(new BasketLine
            {
                MunicipalityId = tenant.MunicipalityId,
                AccountId = tenant.LinkedAccountId!,
                ChildId = tenant.ChildId,
                ActivityId = tenant.ActivityId,
                Date = today.AddDays(3),
                Kind = BasketLineKind.Add,
                RefusalReason = "complet",
            });
            db.BasketLines.Add(new BasketLine
            {
                MunicipalityId = other.MunicipalityId,
                AccountId = other.LinkedAccountId!,
                ChildId = other.ChildId,
                ActivityId = other.ActivityId,
                Date = today.AddDays(3),
                Kind = BasketLineKind.Add,
                RefusalReason = "délai dépassé",
            });
            outbox.Enqueue(new OutgoingEmail { ToAddress = "bloque@exemple.test", Subject = "Courriel bloqué de la commune", Paragraphs = ["x"], MunicipalityId = tenant.MunicipalityId });
            outbox.Enqueue(new OutgoingEmail { ToAddress = "autre@exemple.test", Subject = "Courriel bloqué d'ailleurs", Paragraphs = ["x"], MunicipalityId = other.MunicipalityId });
            await db.SaveChangesAsync();
        }
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));

        var fresh = (await agent.GetPageAsync("/admin")).Body!.TextContent;
        Assert.Contains("Aucun courriel en attente depuis plus de 15 minutes.", fresh, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var page = await agent.GetPageAsync("/admin");
        var row = page.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("GT - RESTAURATION", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Groupe scolaire Test", "7 / 30", "6 / 6 – complet"], cells);
        var text = page.Body!.TextContent;
        Assert.Contains("Courriel bloqué de la commune", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Courriel bloqué d'ailleurs", text, StringComparison.Ordinal);
        Assert.Contains("Maëlle MARTIN", text, StringComparison.Ordinal);
        Assert.Contains("complet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ignace", text, StringComparison.Ordinal);
        Assert.DoesNotContain("délai dépassé", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_day_says_ferme()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var today = ParisClock.Today(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.EnterPlatformScope();
            db.Closures.Add(new Closure { MunicipalityId = tenant.MunicipalityId, SiteId = tenant.SiteId, StartDate = today, EndDate = today, Reason = "Grève" });
            await db.SaveChangesAsync();
        }
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));

        var page = await agent.GetPageAsync("/admin");

        var cells = page.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("fermé", cells[1]);
    }
}
