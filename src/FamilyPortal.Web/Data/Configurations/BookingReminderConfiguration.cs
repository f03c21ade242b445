using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class BookingReminderSentConfiguration : IEntityTypeConfiguration<BookingReminderSent>
{
    public void Configure(EntityTypeBuilder<BookingReminderSent> entity)
    {
        entity.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(r => r.FamilyId).OnDelete(DeleteBehavior.Cascade);
        // Once per family and week, whatever the number of servers running the job.
        entity.HasIndex(r => new { r.MunicipalityId, r.FamilyId, r.WeekStart }).IsUnique();
    }
}
