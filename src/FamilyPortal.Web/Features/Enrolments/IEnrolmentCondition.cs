using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// A condition of the family's file checked when a child is enrolled (dossier confirmed for the year, required
/// documents valid…). Each is a service registered with <c>AddScoped&lt;IEnrolmentCondition, …&gt;</c>; the
/// request is refused with the first French reason any of them gives.
/// </summary>
public interface IEnrolmentCondition
{
    Task<string?> RefusalAsync(Child child, Activity activity, EnrolmentPeriod period, CancellationToken ct);
}

/// <summary>What the activity's own settings require: age, class, and no invoice unpaid for too long.</summary>
public sealed class ActivityConditions(FamilyPortalDbContext db, TimeProvider time) : IEnrolmentCondition
{
    public async Task<string?> RefusalAsync(Child child, Activity activity, EnrolmentPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(period);
        int? unpaidDays = null;
        if (activity.Enrolment.MaxUnpaidDays is not null)
        {
            var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
            var oldestDue = await db.Invoices.AsNoTracking()
                .Where(i => i.FamilyId == child.FamilyId && (i.Status == InvoiceStatus.ToPay || i.Status == InvoiceStatus.PartiallyPaid) && i.DueDate < today)
                .OrderBy(i => i.DueDate).Select(i => (DateOnly?)i.DueDate).FirstOrDefaultAsync(ct);
            unpaidDays = oldestDue is { } due ? today.DayNumber - due.DayNumber : null;
        }
        return EnrolmentEligibility.Refusal(activity.Enrolment, child.BirthDate, child.SchoolClass, period.Start, unpaidDays);
    }
}
