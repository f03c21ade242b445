using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Reminders;

/// <summary>Invoices due some days before the factory's clock (Monday 16/11/2026), the settings and a run of the reminder job.</summary>
public static class ReminderKit
{
    public static readonly DateOnly Today = new(2026, 11, 16);

    public static Task<int> EnableAsync(PortalFactory factory, int municipalityId, int first, int? second, string? text) =>
        ReadAsync(factory, municipalityId, db => db.Municipalities.Where(m => m.Id == municipalityId).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.RemindersEnabled, true).SetProperty(m => m.FirstReminderDays, first)
            .SetProperty(m => m.SecondReminderDays, second).SetProperty(m => m.ReminderText, text)));

    /// <summary>An invoice of 12,30 € (three meals) due on <paramref name="dueDate"/>.</summary>
    public static Task<int> AddInvoiceAsync(PortalFactory factory, TenantBuilder.Tenant tenant, string number, DateOnly dueDate, decimal paid) =>
        ReadAsync(factory, tenant.MunicipalityId, async db =>
        {
            var sequence = int.Parse(number[5..], System.Globalization.CultureInfo.InvariantCulture);
            var invoice = new Invoice
            {
                MunicipalityId = tenant.MunicipalityId,
                FamilyId = tenant.FamilyId,
                Month = new DateOnly(2026, 1, 1).AddMonths(sequence % 12),
                Year = 2026,
                Sequence = sequence,
                Number = number,
                IssueDate = dueDate.AddDays(-30),
                DueDate = dueDate,
                HouseholdName = "MARTIN",
                Total = 12.30m,
                Paid = paid,
                Status = InvoiceStatuses.Of(12.30m, 0, paid),
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return invoice.Id;
        });

    public static async Task RunAsync(PortalFactory factory)
    {
        await using var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        await scope.ServiceProvider.GetRequiredService<InvoiceReminderJob>().RunAsync(CancellationToken.None);
    }

    public static Task<List<FamilyPortal.Web.Email.OutboxMessage>> MailsAsync(PortalFactory factory, int municipalityId) =>
        ReadAsync(factory, municipalityId, db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MunicipalityId == municipalityId && m.Subject.Contains("Relance")).ToListAsync());
}
