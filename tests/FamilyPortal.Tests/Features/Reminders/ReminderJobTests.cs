using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;
using static FamilyPortal.Tests.Features.Reminders.ReminderKit;

namespace FamilyPortal.Tests.Features.Reminders;

/// <summary>The reminder job, run directly at the factory's clock on invoices due some days before.</summary>
public class ReminderJobTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task An_unpaid_invoice_gets_the_reminder_due_once_and_a_paid_one_none()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, tenant.MunicipalityId, 10, 30, "Payez à la régie, 1 place de la Mairie.");
        var unpaid = await AddInvoiceAsync(factory, tenant, "2026-000901", Today.AddDays(-12), paid: 0);
        await AddInvoiceAsync(factory, tenant, "2026-000902", Today.AddDays(-40), paid: 12.30m);

        await RunAsync(factory);
        await RunAsync(factory);

        var reminders = await ReadAsync(factory, tenant.MunicipalityId, db => db.InvoiceReminders.AsNoTracking().Where(r => r.SentOn == Today).ToListAsync());
        var reminder = Assert.Single(reminders);
        Assert.Equal((unpaid, 1, 12.30m), (reminder.InvoiceId, reminder.Level, reminder.Remaining));
        var mail = Assert.Single(await MailsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(tenant.FamilyEmail, mail.ToAddress);
        Assert.Equal($"Relance : facture 2026-000901 impayée – {tenant.Name}", mail.Subject);
        Assert.Contains("échue le 04/11/2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reste à payer : 12,30", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Payez à la régie, 1 place de la Mairie.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_servers_running_the_job_at_once_send_each_reminder_once()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, tenant.MunicipalityId, 10, null, null);
        for (var i = 0; i < 5; i++)
        {
            await AddInvoiceAsync(factory, tenant, $"2026-00095{i}", Today.AddDays(-11 - i), paid: 0);
        }

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(factory))));

        Assert.Equal(5, await ReadAsync(factory, tenant.MunicipalityId, db => db.InvoiceReminders.CountAsync(r => r.SentOn == Today)));
        Assert.Equal(5, (await MailsAsync(factory, tenant.MunicipalityId)).Count);
    }

    [Fact]
    public async Task An_invoice_in_a_debit_file_gets_no_reminder_until_its_debit_is_rejected()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, tenant.MunicipalityId, 10, null, null);
        var invoice = await AddInvoiceAsync(factory, tenant, "2026-000970", Today.AddDays(-12), paid: 0);
        var line = await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            var old = await db.DebitBatchLines.SingleAsync();
            var batch = new DebitBatch
            {
                MunicipalityId = tenant.MunicipalityId,
                Month = new DateOnly(2026, 10, 1),
                CollectionDate = Today.AddDays(5),
                MessageId = "PRLV-202610-TEST",
                CreatedAtUtc = new DateTime(2026, 11, 10, 8, 0, 0, DateTimeKind.Utc),
                CreatedByAccountId = "agent",
                TransactionCount = 1,
                Total = 12.30m,
                SealedFile = [],
                FileSha256 = "",
            };
            batch.Lines.Add(new DebitBatchLine { MunicipalityId = tenant.MunicipalityId, InvoiceId = invoice, MandateId = old.MandateId, Amount = 12.30m, Sequence = DebitSequence.Recurrent });
            db.DebitBatches.Add(batch);
            await db.SaveChangesAsync();
            return batch.Lines.Single().Id;
        });

        await RunAsync(factory);
        Assert.Empty(await MailsAsync(factory, tenant.MunicipalityId));

        await factory.InTenantAsync(tenant.MunicipalityId, db => db.DebitBatchLines.Where(l => l.Id == line)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, DebitLineStatus.Rejected).SetProperty(l => l.RejectReason, "AM04")));
        await RunAsync(factory);
        Assert.Equal("Relance : facture 2026-000970 impayée – " + tenant.Name, Assert.Single(await MailsAsync(factory, tenant.MunicipalityId)).Subject);
    }

    [Fact]
    public async Task Nothing_is_sent_while_reminders_are_off()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddInvoiceAsync(factory, tenant, "2026-000960", Today.AddDays(-50), paid: 0);

        await RunAsync(factory);

        Assert.Empty(await MailsAsync(factory, tenant.MunicipalityId));
    }
}
