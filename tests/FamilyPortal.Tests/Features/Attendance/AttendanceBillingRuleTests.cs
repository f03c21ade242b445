namespace FamilyPortal.Tests.Features.Attendance;

public class AttendanceBillingRuleTests
{
    [Theory]
    [InlineData(null, null, true, true)]
    [InlineData(AttendanceStatus.Present, null, true, true)]
    [InlineData(AttendanceStatus.Absent, AbsenceMotif.Illness, true, false)]
    [InlineData(AttendanceStatus.Absent, AbsenceMotif.Announced, true, false)]
    [InlineData(AttendanceStatus.Absent, AbsenceMotif.Unannounced, true, true)]
    [InlineData(AttendanceStatus.Absent, AbsenceMotif.Unannounced, false, false)]
    [InlineData(AttendanceStatus.Absent, AbsenceMotif.Other, true, true)]
    [InlineData(AttendanceStatus.Absent, AbsenceMotif.Other, false, false)]
    public void Billing_the_attendance(AttendanceStatus? status, AbsenceMotif? motif, bool billUnannounced, bool billed) =>
        Assert.Equal(billed, AttendanceBillingRule.IsBilled(AttendanceBilling.Attendance, billUnannounced, status, motif));

    [Fact]
    public void Billing_the_bookings_bills_every_day_booked_whatever_the_pointage_says()
    {
        Assert.True(AttendanceBillingRule.IsBilled(AttendanceBilling.Bookings, false, AttendanceStatus.Absent, AbsenceMotif.Illness));
        Assert.True(AttendanceBillingRule.IsBilled(AttendanceBilling.Bookings, false, AttendanceStatus.Absent, AbsenceMotif.Unannounced));
    }
}
