using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class AttendanceMarkConfiguration : IEntityTypeConfiguration<AttendanceMark>
{
    public void Configure(EntityTypeBuilder<AttendanceMark> entity)
    {
        entity.Property(m => m.MarkedByAccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Child>().WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Activity>().WithMany().HasForeignKey(m => m.ActivityId).OnDelete(DeleteBehavior.Restrict);
        // One mark per child, activity and day: two devices marking at once cannot both insert one.
        entity.HasIndex(m => new { m.ChildId, m.ActivityId, m.Date }).IsUnique();
        // The pointage page, the invoices and the exports read an activity over a range of days.
        entity.HasIndex(m => new { m.MunicipalityId, m.ActivityId, m.Date });
    }
}
