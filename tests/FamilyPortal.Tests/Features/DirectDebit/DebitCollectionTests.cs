using System.Net;
using FamilyPortal.Tests.Features.Invoices;
using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FamilyPortal.Tests.Features.DirectDebit;

/// <summary>A debit file's collection date comes: its invoices are paid by « Prélèvement »; a return after it takes the payment back.</summary>
public sealed class DebitCollectionTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private sealed record Debit(TenantBuilder.Tenant Tenant, PageClient Parent, PageClient Agent, DebitBatch Batch)
    {
        public string Url => $"/admin/prelevements/fichiers/{Batch.Id}";
        public int InvoiceId => Batch.Lines.Single().InvoiceId;
    }

    /// <summary>A family with its parent signed in, its October invoice in a debit file collected on 19/11/2026.</summary>
    private async Task<Debit> ScheduledAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await DirectDebitKit.OfferAsync(factory, tenant.MunicipalityId);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var batch = await DirectDebitKit.ScheduledInvoiceAsync(factory, tenant);
        return new Debit(tenant, parent, await BillingKit.StaffAsync(factory, tenant.MunicipalityId), batch);
    }

    private async Task CollectAsync(DateOnly today)
    {
        await using var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        await scope.ServiceProvider.GetRequiredService<DebitCollections>().RecordDueAsync(today, CancellationToken.None);
    }

    private Task<(DebitBatchLine Line, Invoice Invoice, List<Payment> Payments)> StateAsync(Debit debit) =>
        BillingKit.ReadAsync(factory, debit.Tenant.MunicipalityId, async db => (
            await db.DebitBatchLines.AsNoTracking().SingleAsync(l => l.DebitBatchId == debit.Batch.Id),
            await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == debit.InvoiceId),
            await db.Payments.AsNoTracking().Where(p => p.InvoiceId == debit.InvoiceId).ToListAsync()));

    /// <summary>The status the family reads on the invoice's row of « Mes factures ».</summary>
    private static async Task<string> StatusShownAsync(Debit debit, string invoiceNumber) =>
        (await debit.Parent.GetPageAsync("/factures")).QuerySelectorAll("tbody tr")
            .Single(row => row.TextContent.Contains(invoiceNumber, StringComparison.Ordinal))
            .QuerySelector(".invoice-status")!.TextContent.Trim();

    [Fact]
    public async Task On_its_collection_date_a_debit_is_recorded_once_as_the_invoices_payment()
    {
        var debit = await ScheduledAsync();
        await CollectAsync(DirectDebitKit.Collection.AddDays(-1));
        var (before, unpaid, none) = await StateAsync(debit);
        Assert.Equal((DebitLineStatus.Scheduled, InvoiceStatus.ToPay, 0), (before.Status, unpaid.Status, none.Count));
        Assert.Contains("prélèvement prévu le 19/11/2026", BillingKit.TextOf(await debit.Parent.GetPageAsync("/factures")), StringComparison.Ordinal);

        await CollectAsync(DirectDebitKit.Collection);
        await CollectAsync(DirectDebitKit.Collection.AddDays(1));
        var (line, invoice, payments) = await StateAsync(debit);
        var payment = Assert.Single(payments);
        Assert.Equal((PaymentMeans.DirectDebit, DirectDebitKit.Collection, line.Amount, debit.Batch.MessageId),
            (payment.Means, payment.Date, payment.Amount, payment.Reference));
        Assert.Equal((DebitLineStatus.Collected, payment.Id), (line.Status, line.PaymentId));
        Assert.Equal((InvoiceStatus.Paid, invoice.Total, 0m), (invoice.Status, invoice.Paid, invoice.Remaining));
        Assert.True(invoice.Version > unpaid.Version, "The invoice's version is raised: an agent's payment form on it is out of date.");

        Assert.Equal("payée", await StatusShownAsync(debit, invoice.Number));
        Assert.DoesNotContain("prélèvement prévu le 19/11/2026", BillingKit.TextOf(await debit.Parent.GetPageAsync("/factures")), StringComparison.Ordinal);
        Assert.Contains("Prélevé le 19/11/2026", BillingKit.TextOf(await debit.Agent.GetPageAsync(debit.Url)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_after_the_collection_takes_the_payment_back_reopens_the_invoice_and_tells_the_family()
    {
        var debit = await ScheduledAsync();
        await CollectAsync(DirectDebitKit.Collection);
        var collected = await StateAsync(debit);

        using var returned = await debit.Agent.PostFormAsync($"{debit.Url}?debitLineId={collected.Line.Id}", new Dictionary<string, string?> { ["Reason"] = "MD06" }, "/Reject");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var (line, invoice, payments) = await StateAsync(debit);
        Assert.Equal((DebitLineStatus.Rejected, "MD06", null), (line.Status, line.RejectReason, line.PaymentId));
        Assert.Empty(payments);
        Assert.Equal((InvoiceStatus.ToPay, 0m, invoice.Total), (invoice.Status, invoice.Paid, invoice.Remaining));
        var mails = await BillingKit.ReadAsync(factory, debit.Tenant.MunicipalityId, db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MunicipalityId == debit.Tenant.MunicipalityId && m.Subject.StartsWith("Prélèvement rejeté")).ToListAsync());
        Assert.Contains(mails, m => m.ToAddress == debit.Tenant.FamilyEmail);
        Assert.Equal("à payer", await StatusShownAsync(debit, invoice.Number));

        // A rejected debit is never collected again.
        await CollectAsync(DirectDebitKit.Collection.AddDays(2));
        Assert.Empty((await StateAsync(debit)).Payments);
    }

    [Fact]
    public async Task A_reject_saved_over_a_line_read_before_its_collection_fails_instead_of_leaving_the_payment()
    {
        var debit = await ScheduledAsync();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(debit.Tenant.MunicipalityId);
        var readBefore = await db.DebitBatchLines.SingleAsync(l => l.DebitBatchId == debit.Batch.Id);

        await CollectAsync(DirectDebitKit.Collection);
        (readBefore.Status, readBefore.RejectReason) = (DebitLineStatus.Rejected, "AM04");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        var (line, invoice, payments) = await StateAsync(debit);
        Assert.Equal((DebitLineStatus.Collected, InvoiceStatus.Paid), (line.Status, invoice.Status));
        Assert.Single(payments);
    }

    [Fact]
    public async Task Two_servers_recording_the_same_collections_at_once_record_each_debit_once()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await DirectDebitKit.OfferAsync(factory, tenant.MunicipalityId);
        var families = new List<int> { tenant.FamilyId };
        await BillingKit.AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2]);
        for (var i = 0; i < 5; i++)
        {
            families.Add(await DirectDebitKit.SecondFamilyAsync(factory, tenant));
        }
        await BillingKit.IssueAsync(factory, tenant.MunicipalityId);
        foreach (var familyId in families)
        {
            await DirectDebitKit.MandateAsync(factory, tenant.MunicipalityId, familyId);
        }
        using (var built = await DirectDebitKit.BuildAsync(await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator)))
        {
            Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        }

        await Task.WhenAll(Task.Run(() => CollectAsync(DirectDebitKit.Collection)), Task.Run(() => CollectAsync(DirectDebitKit.Collection)));

        var invoices = await BillingKit.InvoicesAsync(factory, tenant.MunicipalityId);
        var payments = await BillingKit.ReadAsync(factory, tenant.MunicipalityId, db => db.Payments.AsNoTracking().ToListAsync());
        Assert.Equal(6, invoices.Count);
        Assert.All(invoices, invoice =>
        {
            Assert.Equal(invoice.Total, Assert.Single(payments, p => p.InvoiceId == invoice.Id).Amount);
            Assert.Equal((InvoiceStatus.Paid, invoice.Total), (invoice.Status, invoice.Paid));
        });
    }

    [Fact]
    public async Task The_hourly_job_records_the_debits_due_on_the_day_in_paris()
    {
        await using var scope = factory.Scope();
        Assert.Contains(scope.ServiceProvider.GetServices<ScheduledJobRegistration>(), r => r.JobType == typeof(DebitCollectionJob));
        Assert.Equal(TimeSpan.FromHours(1), scope.ServiceProvider.GetRequiredService<DebitCollectionJob>().Interval);
        var debit = await ScheduledAsync();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        var collections = scope.ServiceProvider.GetRequiredService<DebitCollections>();

        // 23:30 on 18/11 in Paris is 22:30 UTC; half past midnight on the 19th is 23:30 UTC on the 18th.
        await new DebitCollectionJob(collections, new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 22, 30, 0, TimeSpan.Zero))).RunAsync(CancellationToken.None);
        Assert.Equal(DebitLineStatus.Scheduled, (await StateAsync(debit)).Line.Status);
        await new DebitCollectionJob(collections, new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 23, 30, 0, TimeSpan.Zero))).RunAsync(CancellationToken.None);
        Assert.Equal(DebitLineStatus.Collected, (await StateAsync(debit)).Line.Status);
    }
}
