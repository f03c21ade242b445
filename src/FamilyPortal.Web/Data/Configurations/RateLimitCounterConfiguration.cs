using FamilyPortal.Web.Infrastructure.RateLimits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> entity)
    {
        // The key decides which of two servers inserting a window's first count wins.
        entity.HasKey(c => new { c.Policy, c.PartitionHash, c.WindowStart });
        entity.Property(c => c.Policy).HasMaxLength(40);
        entity.Property(c => c.PartitionHash).HasMaxLength(64).IsUnicode(false);
        entity.HasIndex(c => c.WindowEnd);
    }
}
