using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> entity)
    {
        entity.Property(e => e.PeriodLabel).HasMaxLength(100);
        entity.Property(e => e.RefusalReason).HasMaxLength(Enrolment.MaxReasonLength);
        entity.Property(e => e.RequestedByAccountId).HasMaxLength(450);
        entity.Property(e => e.DecidedByAccountId).HasMaxLength(450);
        entity.Property(e => e.State).IsConcurrencyToken();
        entity.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Activity>().WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        // One request per child, activity and period: a double click or two parents of the family ask once.
        entity.HasIndex(e => new { e.ChildId, e.ActivityId, e.StartDate }).IsUnique();
        // The staff queue and the waiting list read one activity's period by state.
        entity.HasIndex(e => new { e.MunicipalityId, e.ActivityId, e.StartDate, e.State });
    }
}

internal sealed class EnrolmentLoadConfiguration : IEntityTypeConfiguration<EnrolmentLoad>
{
    public void Configure(EntityTypeBuilder<EnrolmentLoad> entity)
    {
        entity.HasKey(l => new { l.ActivityId, l.StartDate });
        entity.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Activity>().WithMany().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(l => new { l.MunicipalityId, l.ActivityId, l.StartDate });
    }
}
