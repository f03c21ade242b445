using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> entity)
    {
        entity.HasKey(l => l.Name);
        entity.Property(l => l.Name).HasMaxLength(100);
        entity.Property(l => l.HolderId).HasMaxLength(100);
        entity.Property(l => l.LastError).HasMaxLength(JobLeases.MaxErrorLength);
    }
}
