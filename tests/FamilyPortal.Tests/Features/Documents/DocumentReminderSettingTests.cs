using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Documents;

/// <summary>The days before expiry of the reminder, chosen by each collectivité's administrators on « Types de pièces » and used by the expiry job.</summary>
public class DocumentReminderSettingTests
{
    [Fact]
    public async Task Administrators_choose_the_reminder_days_agents_read_them_and_a_wrong_number_writes_nothing()
    {
        using var factory = new AccountsFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        Task<int> DaysAsync() => ReadAsync(factory, tenant.MunicipalityId, db => db.Municipalities.Where(m => m.Id == tenant.MunicipalityId).Select(m => m.DocumentReminderDays).SingleAsync());

        Assert.Equal(30, await DaysAsync());
        Assert.Equal("30", (await admin.GetPageAsync("/admin/pieces/types")).QuerySelector("#ReminderDays")!.GetAttribute("value"));
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        foreach (var wrong in new[] { "0", "181", "dix", "" })
        {
            var refused = await admin.PostFormAsync("/admin/pieces/types", new Dictionary<string, string?> { ["ReminderDays"] = wrong }, "Reminder");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var page = await PageClient.ParseAsync(refused);
            Assert.Equal("Indiquez un nombre de jours entre 1 et 180.", PageClient.ErrorOf(page, "ReminderDays"));
            Assert.Equal(wrong, page.QuerySelector("#ReminderDays")!.GetAttribute("value"));
        }
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        var saved = await admin.PostFormAsync("/admin/pieces/types", new Dictionary<string, string?> { ["ReminderDays"] = "10" }, "Reminder");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(10, await DaysAsync());

        var read = await agent.GetPageAsync("/admin/pieces/types");
        Assert.Null(read.QuerySelector("#ReminderDays"));
        Assert.Contains("Les familles reçoivent un rappel 10 jours avant l'expiration d'une pièce validée.", TextOf(read), StringComparison.Ordinal);
        var token = read.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forbidden = await agent.Http.PostAsync("/admin/pieces/types/Reminder", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ReminderDays"] = "5" }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(10, await DaysAsync());
    }

    [Fact]
    public async Task The_expiry_job_reminds_each_family_as_many_days_before_as_its_collectivite_chose()
    {
        using var factory = new AccountsFactory();
        var tenDays = await TenantBuilder.CreateAsync(factory);
        var byDefault = await TenantBuilder.CreateAsync(factory);
        await ReadAsync(factory, tenDays.MunicipalityId, db => db.Municipalities.Where(m => m.Id == tenDays.MunicipalityId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.DocumentReminderDays, 10)));
        foreach (var tenant in new[] { tenDays, byDefault })
        {
            var types = await DocumentKit.AddTypesAsync(factory, tenant.MunicipalityId);
            await ReadAsync(factory, tenant.MunicipalityId, db =>
            {
                db.Add(new SupportingDocument
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
                });
                return db.SaveChangesAsync();
            });
        }

        async Task<(bool TenDays, bool ByDefault)> RemindedAfterRunAtAsync(int year, int month, int day)
        {
            factory.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 7, 0, 0, TimeSpan.FromHours(1)));
            await using (var scope = factory.Scope())
            {
                scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
                await scope.ServiceProvider.GetRequiredService<DocumentExpiryJob>().RunAsync(default);
            }
            Task<bool> RemindedAsync(TenantBuilder.Tenant tenant) => ReadAsync(factory, tenant.MunicipalityId, db => db.OutboxMessages
                .AnyAsync(m => m.MunicipalityId == tenant.MunicipalityId && m.Subject.StartsWith("Pièce bientôt expirée")));
            return (await RemindedAsync(tenDays), await RemindedAsync(byDefault));
        }

        Assert.Equal((false, true), await RemindedAfterRunAtAsync(2026, 12, 16));
        Assert.Equal((false, true), await RemindedAfterRunAtAsync(2027, 1, 4));
        Assert.Equal((true, true), await RemindedAfterRunAtAsync(2027, 1, 5));
    }
}
