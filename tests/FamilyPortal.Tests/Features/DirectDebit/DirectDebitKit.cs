using FamilyPortal.Tests.Features.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.DirectDebit;

/// <summary>A collectivité offering direct debit (ICS, account), its October invoices issued, and short ways to read the results.</summary>
public static class DirectDebitKit
{
    public const string Ics = "FR72ZZZ123456";
    public const string CreditorIban = "FR1420041010050500013M02606";
    public const string CreditorBic = "PSSTFRPPNCY";
    public const string FamilyIban = "DE89370400440532013000";
    public const string FamilyBic = "COBADEFFXXX";
    public const string AdminUrl = "/admin/prelevements";
    /// <summary>Three TARGET business days after the factory's Monday 16/11/2026.</summary>
    public static readonly DateOnly Collection = new(2026, 11, 19);

    public static async Task OfferAsync(PortalFactory factory, int municipalityId) =>
        await factory.InTenantAsync(municipalityId, async db =>
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Id == municipalityId);
            (municipality.CreditorIdentifier, municipality.CreditorIban, municipality.CreditorBic) = (Ics, CreditorIban, CreditorBic);
            return await db.SaveChangesAsync();
        });

    /// <summary>A second family with a child booked in October, so that the month has two invoices.</summary>
    public static async Task<int> SecondFamilyAsync(PortalFactory factory, TenantBuilder.Tenant tenant)
    {
        int familyId, childId;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(tenant.MunicipalityId);
            var family = new Family { MunicipalityId = tenant.MunicipalityId, HouseholdName = "BERNARD", Email = $"bernard-{Guid.NewGuid():N}@exemple.test" };
            scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
            var child = new Child { MunicipalityId = tenant.MunicipalityId, Family = family, FirstName = "Noé", LastName = "BERNARD", SiteId = tenant.SiteId };
            db.AddRange(family, child);
            await db.SaveChangesAsync();
            (familyId, childId) = (family.Id, child.Id);
        }
        await BillingKit.AddBookingsAsync(factory, tenant.MunicipalityId, childId, tenant.ActivityId, [6, 7]);
        return familyId;
    }

    public static async Task<DebitMandate> MandateAsync(PortalFactory factory, int municipalityId, int familyId, string iban = FamilyIban, bool firstDone = false)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var mandates = scope.ServiceProvider.GetRequiredService<DebitMandates>();
        var mandate = await mandates.SignAsync(municipalityId, familyId, new MandateInput.Checked("Camille Martin-Lefèvre", iban, FamilyBic),
            new DateOnly(2026, 9, 1), MandateSource.Staff, "agent", default);
        Assert.NotNull(mandate);
        if (firstDone)
        {
            var tracked = await db.DebitMandates.SingleAsync(m => m.Id == mandate.Id);
            tracked.FirstDebitDone = true;
            await db.SaveChangesAsync();
        }
        return mandate;
    }

    public static Task<List<DebitBatch>> BatchesAsync(PortalFactory factory, int municipalityId) =>
        factory.InTenantAsync(municipalityId, db => db.DebitBatches.AsNoTracking().Include(b => b.Lines).Where(b => b.Month == BillingKit.October.FirstDay).ToListAsync());

    public static Task<List<DebitMandate>> MandatesAsync(PortalFactory factory, int municipalityId, int familyId) =>
        factory.InTenantAsync(municipalityId, db => db.DebitMandates.AsNoTracking().Where(m => m.FamilyId == familyId).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The family's October invoice (two days booked) in a debit file made by an administrator, collected on <see cref="Collection"/>.</summary>
    public static async Task<DebitBatch> ScheduledInvoiceAsync(PortalFactory factory, TenantBuilder.Tenant tenant)
    {
        await BillingKit.AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2]);
        await BillingKit.IssueAsync(factory, tenant.MunicipalityId);
        await MandateAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        using (var built = await BuildAsync(await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator)))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, built.StatusCode);
        }
        return (await BatchesAsync(factory, tenant.MunicipalityId)).Single();
    }

    public static async Task<HttpResponseMessage> BuildAsync(PageClient admin, DateOnly? collection = null) =>
        await admin.PostFormAsync($"{AdminUrl}?mois=2026-10", new Dictionary<string, string?>
        {
            ["CollectionDate"] = (collection ?? Collection).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, "/Build");
}
