using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Invoices;

/// <summary>Waiving a late cancellation and replacing the tranche prices: tracked changes, one transaction, journalled.</summary>
public class JournalledBillingTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string BracketsUrl = "/admin/factures/tranches";

    private Task<List<JournalEntry>> JournalAsync(int municipalityId, string entityType) =>
        ReadAsync(factory, municipalityId, db => db.JournalEntries.AsNoTracking().Where(j => j.EntityType == entityType).OrderBy(j => j.Id).ToListAsync());

    [Fact]
    public async Task Justifying_a_late_cancellation_is_journalled_with_who_and_the_value_before_and_after()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [9], CancellationKind.Late);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var agent = await StaffJourney.SignInAsync(factory, staff);
        var url = "/admin/factures/annulations?mois=2026-10";
        var late = await ReadAsync(factory, tenant.MunicipalityId, db => db.Bookings.Where(b => b.Date == Oct(9)).Select(b => b.Id).SingleAsync());

        var justified = await agent.SubmitAsync(await agent.GetPageAsync(url), url, new Dictionary<string, string?>(), "handler=Justify");

        Assert.Equal(HttpStatusCode.Redirect, justified.StatusCode);
        Assert.True(await ReadAsync(factory, tenant.MunicipalityId, db => db.Bookings.Where(b => b.Id == late).Select(b => b.CancellationJustified).SingleAsync()));
        var entry = Assert.Single(await JournalAsync(tenant.MunicipalityId, nameof(Booking)));
        Assert.Equal((staff.Id, JournalAction.Modified, late.ToString(CultureInfo.InvariantCulture)), (entry.ActorAccountId, entry.Action, entry.EntityKey));
        Assert.Equal([new JournalChange("CancellationJustified", "non", "oui")], JournalValues.Parse(entry.Changes));
        Assert.Contains("Lou MARTIN", entry.Summary, StringComparison.Ordinal);
    }

    private async Task<(TenantBuilder.Tenant Tenant, int BracketA, int BracketB, int Study, PageClient Admin)> PricedAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var (bracketA, bracketB, study) = await ReadAsync(factory, tenant.MunicipalityId, async db =>
        {
            var kind = await db.ServiceKinds.FirstAsync();
            var activity = new Activity { MunicipalityId = tenant.MunicipalityId, SiteId = tenant.SiteId, ServiceKindId = kind.Id, Label = "GT - ÉTUDE" };
            var b = new QuotientBracket { MunicipalityId = tenant.MunicipalityId, Label = "Tranche B", MinQuotient = 800 };
            db.AddRange(activity, b);
            await db.SaveChangesAsync();
            db.BracketPrices.Add(new BracketPrice { MunicipalityId = tenant.MunicipalityId, BracketId = b.Id, ActivityId = tenant.ActivityId, Price = 3.00m });
            await db.SaveChangesAsync();
            var a = await db.QuotientBrackets.Where(q => q.Label == BillingRows.BracketLabel).Select(q => q.Id).SingleAsync();
            return (a, b.Id, activity.Id);
        });
        return (tenant, bracketA, bracketB, study, await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator));
    }

    private Task<List<(int BracketId, int ActivityId, decimal Price)>> PricesAsync(int municipalityId) =>
        ReadAsync(factory, municipalityId, async db => (await db.BracketPrices.AsNoTracking().ToListAsync())
            .Select(p => (p.BracketId, p.ActivityId, p.Price)).OrderBy(p => p.BracketId).ThenBy(p => p.ActivityId).ToList());

    [Fact]
    public async Task Replacing_the_tranche_prices_journals_each_price_removed_changed_and_added()
    {
        var (tenant, bracketA, bracketB, study, admin) = await PricedAsync();

        var saved = await admin.PostFormAsync(BracketsUrl, new Dictionary<string, string?>
        {
            [$"Prices[a{tenant.ActivityId}t{bracketA}]"] = "",
            [$"Prices[a{tenant.ActivityId}t{bracketB}]"] = "3,50",
            [$"Prices[a{study}t{bracketA}]"] = "2",
        }, "handler=Prices");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([(bracketA, study, 2.00m), (bracketB, tenant.ActivityId, 3.50m)], await PricesAsync(tenant.MunicipalityId));
        var entries = await JournalAsync(tenant.MunicipalityId, nameof(BracketPrice));
        Assert.Equal(3, entries.Count);
        var removed = Assert.Single(entries, e => e.Action == JournalAction.Deleted);
        Assert.StartsWith("4,1", JournalValues.Parse(removed.Changes).Single(c => c.Field == "Price").Before, StringComparison.Ordinal);
        var changed = Assert.Single(entries, e => e.Action == JournalAction.Modified);
        var price = JournalValues.Parse(changed.Changes).Single(c => c.Field == "Price");
        Assert.StartsWith("3", price.Before, StringComparison.Ordinal);
        Assert.StartsWith("3,5", price.After, StringComparison.Ordinal);
        Assert.Single(entries, e => e.Action == JournalAction.Created);
        Assert.All(entries, e => Assert.Contains("Tarif", e.Summary, StringComparison.Ordinal));

        // Saving the same grid again changes nothing and journals nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(BracketsUrl, new Dictionary<string, string?>(), "handler=Prices")).StatusCode);
        Assert.Equal(3, (await JournalAsync(tenant.MunicipalityId, nameof(BracketPrice))).Count);
    }

    [Fact]
    public async Task A_failure_while_replacing_the_tranche_prices_leaves_every_previous_price()
    {
        var (tenant, bracketA, bracketB, study, admin) = await PricedAsync();
        var before = await PricesAsync(tenant.MunicipalityId);
        // The database refuses the new price of the study, after the page has removed and changed the others.
        var trigger = RefusingTrigger.OnInsert("refuse_study_price", "BracketPrices", "ActivityId", study);
        await ReadAsync(factory, tenant.MunicipalityId, db => db.Database.ExecuteSqlRawAsync(trigger.Create));
        try
        {
            var response = await admin.PostFormAsync(BracketsUrl, new Dictionary<string, string?>
            {
                [$"Prices[a{tenant.ActivityId}t{bracketA}]"] = "",
                [$"Prices[a{tenant.ActivityId}t{bracketB}]"] = "3,50",
                [$"Prices[a{study}t{bracketA}]"] = "2",
            }, "handler=Prices");

            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(before, await PricesAsync(tenant.MunicipalityId));
            Assert.Empty(await JournalAsync(tenant.MunicipalityId, nameof(BracketPrice)));
        }
        finally
        {
            await ReadAsync(factory, tenant.MunicipalityId, db => db.Database.ExecuteSqlRawAsync(trigger.Drop));
        }
    }
}
