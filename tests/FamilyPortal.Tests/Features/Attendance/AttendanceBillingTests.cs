using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Attendance;

/// <summary>An activity that bills the attendance: the month's invoices leave out the days its pointage excuses.</summary>
public class AttendanceBillingTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private async Task<TenantBuilder.Tenant> OctoberAsync(AttendanceBilling billing, bool billUnannounced)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5, 6, 7, 8]);
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == tenant.ActivityId);
            (activity.Billing, activity.BillUnannouncedAbsences) = (billing, billUnannounced);
            AttendanceMark Mark(int day, AttendanceStatus status, AbsenceMotif? motif = null) => new()
            {
                MunicipalityId = tenant.MunicipalityId,
                ChildId = tenant.ChildId,
                ActivityId = tenant.ActivityId,
                Date = Oct(day),
                Status = status,
                Motif = motif,
                MarkedByAccountId = tenant.LinkedAccountId!,
            };
            db.AttendanceMarks.AddRange(Mark(1, AttendanceStatus.Present), Mark(2, AttendanceStatus.Absent, AbsenceMotif.Illness),
                Mark(5, AttendanceStatus.Absent, AbsenceMotif.Announced), Mark(6, AttendanceStatus.Absent, AbsenceMotif.Unannounced),
                Mark(7, AttendanceStatus.Absent, AbsenceMotif.Other));
            return await db.SaveChangesAsync();
        });
        return tenant;
    }

    [Theory]
    // Present on the 1st, not marked on the 8th: billed; illness and announced absences: never.
    [InlineData(true, 4, 16.40)]
    [InlineData(false, 2, 8.20)]
    public async Task The_invoice_bills_the_days_present_or_not_marked_and_the_unannounced_absences_as_the_activity_says(
        bool billUnannounced, int days, double total)
    {
        var tenant = await OctoberAsync(AttendanceBilling.Attendance, billUnannounced);

        await IssueAsync(factory, tenant.MunicipalityId);

        var invoice = Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId));
        Assert.Equal((decimal)total, invoice.Total);
        Assert.Equal(days, Assert.Single(invoice.Lines).Quantity);
    }

    [Fact]
    public async Task An_activity_billing_the_bookings_bills_every_day_booked_whatever_the_pointage()
    {
        var tenant = await OctoberAsync(AttendanceBilling.Bookings, billUnannounced: false);

        await IssueAsync(factory, tenant.MunicipalityId);

        Assert.Equal(24.60m, Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId)).Total);
    }
}
