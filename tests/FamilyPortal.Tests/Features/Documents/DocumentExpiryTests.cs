using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Documents;

/// <summary>The expiry job, driven by moving the fake clock: the reminder 30 days before, once, then « expirée » on the day.</summary>
public class DocumentExpiryTests
{
    [Fact]
    public async Task A_validated_document_is_reminded_thirty_days_before_once_then_expires_on_its_day_with_a_mail_each_time()
    {
        using var factory = new AccountsFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var types = await DocumentKit.AddTypesAsync(factory, tenant.MunicipalityId);
        int id;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.Enter(tenant.MunicipalityId);
            var document = new SupportingDocument
            {
                MunicipalityId = tenant.MunicipalityId,
                FamilyId = tenant.FamilyId,
                TypeId = types.FamilyTypeId,
                Status = DocumentStatus.Validated,
                ExpiresOn = new DateOnly(2027, 1, 15),
                FileName = "a.pdf",
                ContentType = "application/pdf",
                Sha256 = "",
                SealedContent = [1],
            };
            db.Add(document);
            await db.SaveChangesAsync();
            id = document.Id;
        }

        async Task<(DocumentStatus Status, string Mails)> RunAtAsync(DateTimeOffset parisMorning)
        {
            factory.Clock.SetUtcNow(parisMorning);
            await using (var scope = factory.Scope())
            {
                scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
                await scope.ServiceProvider.GetRequiredService<DocumentExpiryJob>().RunAsync(default);
            }
            var status = await ReadAsync(factory, tenant.MunicipalityId, db => db.Set<SupportingDocument>().Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
            var subjects = await ReadAsync(factory, tenant.MunicipalityId, db => db.OutboxMessages
                .Where(m => m.MunicipalityId == tenant.MunicipalityId && m.ToAddress == tenant.FamilyEmail && m.Subject.StartsWith("Pièce"))
                .OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync());
            return (status, string.Join(" | ", subjects));
        }
        static DateTimeOffset Paris(int year, int month, int day) => new(year, month, day, 7, 0, 0, TimeSpan.FromHours(1));
        var soon = $"Pièce bientôt expirée : Attestation de quotient familial – {tenant.Name}";
        var expired = $"Pièce expirée : Attestation de quotient familial – {tenant.Name}";

        Assert.Equal((DocumentStatus.Validated, ""), await RunAtAsync(Paris(2026, 12, 15)));
        Assert.Equal((DocumentStatus.Validated, soon), await RunAtAsync(Paris(2026, 12, 16)));
        Assert.Equal((DocumentStatus.Validated, soon), await RunAtAsync(Paris(2027, 1, 14)));
        Assert.Equal((DocumentStatus.Expired, soon + " | " + expired), await RunAtAsync(Paris(2027, 1, 15)));
        Assert.Equal((DocumentStatus.Expired, soon + " | " + expired), await RunAtAsync(Paris(2027, 1, 16)));
        var body = await ReadAsync(factory, tenant.MunicipalityId, db => db.OutboxMessages.Where(m => m.Subject == expired).Select(m => m.TextBody).FirstAsync());
        Assert.Contains("a expiré le 15/01/2027", body, StringComparison.Ordinal);
    }
}
