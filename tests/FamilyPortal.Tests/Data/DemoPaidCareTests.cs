using FamilyPortal.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Data;

public sealed class DemoPaidCareTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_demo_family_gets_its_2025_attestation_fiscale_and_its_overdue_invoice_was_reminded()
    {
        await using var scope = _factory.Scope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(default);
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var commune = await db.Municipalities.SingleAsync();
        db.Tenant.Enter(commune.Id);

        Assert.Equal((DemoPaidCare.Siret, "Claire MARCHAL", "Maire", true), (commune.Siret, commune.SignatoryName, commune.SignatoryTitle, commune.RemindersEnabled));
        Assert.True(Siret.IsValid(commune.Siret!));
        Assert.Contains(await db.Activities.Where(a => a.TaxCreditEligible).Select(a => a.Label).ToListAsync(), l => l == "GJ - PERI SOIR - 16H05/17H05");
        Assert.False(await db.Activities.AnyAsync(a => a.TaxCreditEligible && db.ServiceKinds.Any(k => k.Id == a.ServiceKindId && k.IsCatering)));
        var reminder = await db.InvoiceReminders.SingleAsync();
        var september = await db.Invoices.SingleAsync(i => i.Id == reminder.InvoiceId);
        Assert.Equal((1, september.DueDate.AddDays(15), InvoiceStatus.ToPay), (reminder.Level, reminder.SentOn, september.Status));

        var leo = await db.Children.SingleAsync(c => c.FirstName == "LÉO");
        var outcome = await scope.ServiceProvider.GetRequiredService<AttestationIssuer>().TaxAsync(leo.FamilyId, leo.Id, 2025, null, default);

        var attestation = await db.Attestations.Include(a => a.Lines).SingleAsync(a => a.Id == outcome.AttestationId);
        Assert.Equal((14.40m, "GJ - PERI SOIR - 16H05/17H05"), (attestation.Amount!.Value, attestation.Lines.Single().Activity));
    }
}
