using FamilyPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Retention.RetentionKit;

namespace FamilyPortal.Tests.Features.Retention;

/// <summary>Refused and expired documents go 6 months (the default) after the refusal or the last day of validity, content included.</summary>
public class DocumentRetentionTests
{
    [Fact]
    public async Task Refused_and_expired_documents_are_kept_through_the_period_and_deleted_just_after_it_the_others_stay()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var types = await Documents.DocumentKit.AddTypesAsync(factory, tenant.MunicipalityId);
        var refusedAt = Utc(2026, 11, 16, 8).UtcDateTime;
        var refused = await AddAsync(factory, tenant, types.FamilyTypeId, DocumentStatus.Refused, d => d.DecidedAtUtc = refusedAt);
        var expired = await AddAsync(factory, tenant, types.FamilyTypeId, DocumentStatus.Expired, d => d.ExpiresOn = new DateOnly(2026, 11, 20));
        var validated = await AddAsync(factory, tenant, types.FamilyTypeId, DocumentStatus.Validated, d => d.DecidedAtUtc = refusedAt);
        var deposited = await AddAsync(factory, tenant, types.ChildTypeId, DocumentStatus.Deposited, d => d.ChildId = tenant.ChildId);

        // Refused on 16/11/2026 at 08:00 UTC: kept a minute before six months have passed, deleted a minute after.
        MoveTo(factory, Utc(2027, 5, 16, 7, 59));
        await RunAsync<DocumentRetentionJob>(factory);
        Assert.Equal([refused, expired, validated, deposited], await IdsAsync(factory, tenant));

        MoveTo(factory, Utc(2027, 5, 16, 8, 1));
        await RunAsync<DocumentRetentionJob>(factory);
        Assert.Equal([expired, validated, deposited], await IdsAsync(factory, tenant));

        // Expired on 20/11/2026 (its last day, Paris): kept all through 20/05/2027, deleted on the 21st.
        MoveTo(factory, Utc(2027, 5, 20, 21, 59));
        await RunAsync<DocumentRetentionJob>(factory);
        Assert.Equal([expired, validated, deposited], await IdsAsync(factory, tenant));

        MoveTo(factory, Utc(2027, 5, 20, 22, 1));
        await RunAsync<DocumentRetentionJob>(factory);
        Assert.Equal([validated, deposited], await IdsAsync(factory, tenant));

        var journal = await RetentionJournalAsync(factory, tenant.MunicipalityId);
        Assert.Contains("Pièce « Attestation de quotient familial » de la famille MARTIN refusée le 16/11/2026, supprimée après 6 mois (conservation des données)", journal);
        Assert.Contains("Pièce « Attestation de quotient familial » de la famille MARTIN expirée le 20/11/2026, supprimée après 6 mois (conservation des données)", journal);
        // The sealed content went with its row: no copy of the file is left anywhere in the table.
        var contents = await Invoices.BillingKit.ReadAsync(factory, tenant.MunicipalityId,
            db => db.Set<SupportingDocument>().Where(d => d.Id == refused || d.Id == expired).CountAsync());
        Assert.Equal(0, contents);
    }

    [Fact]
    public async Task The_period_is_the_configured_one()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?> { ["Retention:RefusedOrExpiredDocumentMonths"] = "2" });
        var tenant = await TenantBuilder.CreateAsync(factory);
        var types = await Documents.DocumentKit.AddTypesAsync(factory, tenant.MunicipalityId);
        var refused = await AddAsync(factory, tenant, types.FamilyTypeId, DocumentStatus.Refused, d => d.DecidedAtUtc = Utc(2026, 11, 16, 8).UtcDateTime);

        MoveTo(factory, Utc(2027, 1, 16, 7, 59));
        await RunAsync<DocumentRetentionJob>(factory);
        Assert.Contains(refused, await IdsAsync(factory, tenant));
        MoveTo(factory, Utc(2027, 1, 16, 8, 1));
        await RunAsync<DocumentRetentionJob>(factory);
        Assert.DoesNotContain(refused, await IdsAsync(factory, tenant));
    }

    private static async Task<int> AddAsync(PortalFactory factory, TenantBuilder.Tenant tenant, int typeId, DocumentStatus status, Action<SupportingDocument> set)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var document = new SupportingDocument
        {
            MunicipalityId = tenant.MunicipalityId,
            FamilyId = tenant.FamilyId,
            TypeId = typeId,
            Status = status,
            UploadedAtUtc = Utc(2026, 11, 1, 8).UtcDateTime,
            FileName = "piece.pdf",
            ContentType = "application/pdf",
            Sha256 = "",
            SealedContent = scope.ServiceProvider.GetRequiredService<SensitiveData>().Seal("%PDF-1.4 %%EOF"u8),
        };
        set(document);
        db.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }

    /// <summary>The documents of the test's types (the tenant's own old refused one is not among them).</summary>
    private static Task<List<int>> IdsAsync(PortalFactory factory, TenantBuilder.Tenant tenant) =>
        Invoices.BillingKit.ReadAsync(factory, tenant.MunicipalityId, db => db.Set<SupportingDocument>()
            .Where(d => d.Type!.IsActive).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());
}
