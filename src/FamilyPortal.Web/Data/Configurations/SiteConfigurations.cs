using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> entity)
    {
        entity.Property(s => s.Name).HasMaxLength(200);
        entity.Property(s => s.Prefix).HasMaxLength(20);
        entity.HasOne(s => s.Municipality).WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(s => new { s.MunicipalityId, s.Name }).IsUnique();
    }
}

internal sealed class ServiceKindConfiguration : IEntityTypeConfiguration<ServiceKind>
{
    public void Configure(EntityTypeBuilder<ServiceKind> entity)
    {
        entity.Property(s => s.Name).HasMaxLength(100);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(s => new { s.MunicipalityId, s.Name }).IsUnique();
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> entity)
    {
        entity.Property(a => a.Label).HasMaxLength(200);
        entity.Property(a => a.UnitPrice).HasPrecision(10, 2);
        entity.Property(a => a.Version).IsConcurrencyToken();
        entity.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(a => a.Site).WithMany(s => s.Activities).HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(a => a.ServiceKind).WithMany().HasForeignKey(a => a.ServiceKindId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(a => new { a.MunicipalityId, a.SiteId, a.Label }).IsUnique();
        entity.ComplexProperty(a => a.Rule, rule =>
        {
            rule.ComplexProperty(r => r.BookingDeadline);
            rule.ComplexProperty(r => r.CancellationDeadline);
        });
        entity.ComplexProperty(a => a.Enrolment, enrolment =>
        {
            enrolment.Property(e => e.Classes).HasMaxLength(200);
            enrolment.Property(e => e.PeriodLabel).HasMaxLength(100);
            enrolment.Ignore(e => e.Required);
            enrolment.Ignore(e => e.ClassList);
        });
        entity.ComplexProperty(a => a.BookingReminder);
    }
}
