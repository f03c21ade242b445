using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FamilyPortal.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Reservations;

/// <summary>
/// The collectivité's reference data is read once per server for the week grid, and a change saved by staff
/// through another server shows on this one's next grid; the grid reads nothing it does not show, nor anything twice.
/// Two portals on one database, the first telling its database commands in <c>Server-Timing</c>.
/// </summary>
public sealed partial class ReferenceCalendarTests : IDisposable
{
    private const string Password = "Une phrase de passe pour la cantine";
    private const string Monday = "2026-11-23";

    private readonly PortalFactory _measured = PortalFactory.With(new Dictionary<string, string?> { [ServerTiming.Setting] = "true" });
    private readonly PortalFactory _other;

    public ReferenceCalendarTests()
    {
        _ = _measured.Services;
        _other = PortalFactory.With(new Dictionary<string, string?> { ["ConnectionStrings:FamilyPortal"] = DatabaseFingerprint.ConnectionString(_measured) });
    }

    public void Dispose()
    {
        _other.Dispose();
        _measured.Dispose();
    }

    [GeneratedRegex("""sql;desc="(?<commands>\d+)";dur=(?<ms>[0-9.]+), app;dur=[0-9.]+""")]
    private static partial Regex ServerTimingValue();

    private async Task<(PageClient Client, TenantBuilder.Tenant Tenant)> SignedInParentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(_measured, linkAccount: false);
        await using var scope = _measured.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount { UserName = "repere-" + Guid.NewGuid().ToString("N")[..10], Email = $"{Guid.NewGuid():N}@exemple.test", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        db.Memberships.Add(new Membership { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, AccountId = account.Id });
        await db.SaveChangesAsync();
        var client = PageClient.For(_measured);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.AccountJourney.SignInAsync(client, account.UserName, Password)).StatusCode);
        return (client, tenant);
    }

    private static string GridUrl(TenantBuilder.Tenant tenant) => $"/reservations?enfant={tenant.ChildId}&semaine={Monday}";

    private static async Task<(string MondayLabel, int Commands)> GridAsync(PageClient client, TenantBuilder.Tenant tenant)
    {
        var (labels, commands) = await WeekAsync(client, tenant);
        return (labels[0], commands);
    }

    /// <summary>The label of each day of the activity's row, and the database commands of the page.</summary>
    private static async Task<(IReadOnlyList<string> Labels, int Commands)> WeekAsync(PageClient client, TenantBuilder.Tenant tenant)
    {
        var response = await client.Http.GetAsync(GridUrl(tenant));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timing = ServerTimingValue().Match(string.Join(", ", response.Headers.GetValues(ServerTiming.Header)));
        Assert.True(timing.Success);
        var page = await PageClient.ParseAsync(response);
        var labels = page.QuerySelectorAll("#grille tbody tr:first-child td")
            .Select(day => (day.QuerySelector("[aria-label]") ?? day.QuerySelector(".visually-hidden"))!.GetAttribute("aria-label") ?? day.TextContent.Trim())
            .ToList();
        return (labels, int.Parse(timing.Groups["commands"].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_second_grid_of_a_server_reads_the_reference_data_version_instead_of_the_reference_data()
    {
        var (client, tenant) = await SignedInParentAsync();

        var first = await GridAsync(client, tenant);
        var second = await GridAsync(client, tenant);

        // Holidays, school years (twice before), closures and activities: one version read in their place.
        Assert.True(first.Commands - second.Commands >= 4, $"{first.Commands} commands, then {second.Commands}");
        Assert.Equal(first.MondayLabel, second.MondayLabel);
    }

    [Fact]
    public async Task A_closure_saved_through_another_server_shows_on_the_next_grid_of_this_one()
    {
        var (client, tenant) = await SignedInParentAsync();
        Assert.EndsWith(": réservable", (await GridAsync(client, tenant)).MondayLabel, StringComparison.Ordinal);

        await using (var scope = _other.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(tenant.MunicipalityId);
            db.Closures.Add(new Closure { MunicipalityId = tenant.MunicipalityId, StartDate = new DateOnly(2026, 11, 23), EndDate = new DateOnly(2026, 11, 23), Reason = "Grève" });
            await db.SaveChangesAsync();
        }

        Assert.Contains(": fermé", (await GridAsync(client, tenant)).MondayLabel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_archived_through_another_server_leaves_this_ones_grid_and_only_its_collectivite_is_stamped()
    {
        var (client, tenant) = await SignedInParentAsync();
        var elsewhere = await TenantBuilder.CreateAsync(_measured, linkAccount: false);
        const string NoService = "Aucune prestation n'est proposée";
        Assert.DoesNotContain(NoService, (await client.GetPageAsync(GridUrl(tenant))).Body!.TextContent, StringComparison.Ordinal);
        long? StampOf(FamilyPortalDbContext db, int municipalityId) =>
            db.ReferenceDataStamps.Where(s => s.MunicipalityId == municipalityId).Select(s => (long?)s.Version).SingleOrDefault();
        long? before;
        await using (var scope = _other.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            before = StampOf(db, elsewhere.MunicipalityId);
            db.Tenant.Enter(tenant.MunicipalityId);
            var activity = await db.Activities.SingleAsync(a => a.Id == tenant.ActivityId);
            activity.IsArchived = true;
            await db.SaveChangesAsync();
            Assert.NotNull(StampOf(db, tenant.MunicipalityId));
            Assert.Equal(before, StampOf(db, elsewhere.MunicipalityId));
        }

        var page = await client.GetPageAsync(GridUrl(tenant));

        Assert.Contains(NoService, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grid_reads_inscriptions_only_once_an_activity_shown_requires_one()
    {
        var (client, tenant) = await SignedInParentAsync();
        await GridAsync(client, tenant);
        var withoutInscriptions = await GridAsync(client, tenant);

        await using (var scope = _other.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(tenant.MunicipalityId);
            var activity = await db.Activities.SingleAsync(a => a.Id == tenant.ActivityId);
            activity.Enrolment.Mode = EnrolmentMode.SchoolYear;
            db.Enrolments.Add(new Enrolment
            {
                MunicipalityId = tenant.MunicipalityId,
                ChildId = tenant.ChildId,
                ActivityId = tenant.ActivityId,
                PeriodLabel = "Année scolaire 2026-2027",
                StartDate = new DateOnly(2026, 11, 23),
                EndDate = new DateOnly(2026, 11, 23),
                State = EnrolmentState.Enrolled,
            });
            await db.SaveChangesAsync();
        }
        await GridAsync(client, tenant);
        var (labels, commands) = await WeekAsync(client, tenant);

        Assert.Equal(withoutInscriptions.Commands + 1, commands);
        Assert.EndsWith(": réservable", withoutInscriptions.MondayLabel, StringComparison.Ordinal);
        // Enrolled on the Monday only: the inscription read is the one that opens that day and no other.
        Assert.EndsWith(": réservable", labels[0], StringComparison.Ordinal);
        Assert.DoesNotContain(": réservable", labels[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grid_shows_the_panier_and_a_full_day_without_reading_the_panier_twice()
    {
        var (client, tenant) = await SignedInParentAsync();
        await GridAsync(client, tenant);
        var (before, commandsBefore) = await WeekAsync(client, tenant);
        var accountId = await AccountOfAsync(tenant);

        await using (var scope = _other.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(tenant.MunicipalityId);
            db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = tenant.MunicipalityId, ActivityId = tenant.ActivityId, Date = new DateOnly(2026, 11, 23), Capacity = 0 });
            db.BasketLines.Add(new BasketLine
            {
                MunicipalityId = tenant.MunicipalityId,
                AccountId = accountId,
                ChildId = tenant.ChildId,
                ActivityId = tenant.ActivityId,
                Date = new DateOnly(2026, 11, 24),
                Kind = BasketLineKind.Add,
            });
            await db.SaveChangesAsync();
        }
        var (after, commandsAfter) = await WeekAsync(client, tenant);

        Assert.Equal(["réservable", "réservable"], before.Take(2).Select(l => l[(l.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]));
        Assert.EndsWith(": complet, liste d'attente possible", after[0], StringComparison.Ordinal);
        Assert.EndsWith(": à réserver, dans le panier", after[1], StringComparison.Ordinal);
        // The session with the account and its collectivité's reference data version, the children, the panier (the
        // grid's lines too), the places (capacity changes and day loads together), the child's bookings and waiting
        // lists: nothing else, nothing twice.
        Assert.Equal(6, commandsAfter);
        Assert.Equal(commandsBefore, commandsAfter);
        Assert.Contains("Lou", (await client.GetPageAsync(GridUrl(tenant))).QuerySelector("#panier")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<string> AccountOfAsync(TenantBuilder.Tenant tenant)
    {
        await using var scope = _measured.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Memberships.IgnoreQueryFilters().Where(m => m.FamilyId == tenant.FamilyId).Select(m => m.AccountId).SingleAsync();
    }

    [Fact]
    public async Task A_signed_in_page_checks_the_session_and_reads_the_account_and_its_adhesions_in_one_command()
    {
        var (client, _) = await SignedInParentAsync();
        async Task<int> CommandsOfLegalNoticeAsync(HttpClient http)
        {
            var response = await http.GetAsync("/mentions-legales");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var timing = ServerTimingValue().Match(string.Join(", ", response.Headers.GetValues(ServerTiming.Header)));
            return int.Parse(timing.Groups["commands"].Value, CultureInfo.InvariantCulture);
        }

        var signedIn = await CommandsOfLegalNoticeAsync(client.Http);
        var visitor = await CommandsOfLegalNoticeAsync(PageClient.For(_measured).Http);

        Assert.Equal(1, signedIn - visitor);
        Assert.Contains("Se déconnecter", (await client.GetPageAsync("/mentions-legales")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_setting_no_answer_tells_how_it_was_made()
    {
        var response = await PageClient.For(_other).Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(ServerTiming.Header));
    }
}
