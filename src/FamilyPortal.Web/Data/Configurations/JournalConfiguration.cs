using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> entity)
    {
        entity.Property(j => j.ActorAccountId).HasMaxLength(450);
        entity.Property(j => j.ActorName).HasMaxLength(250);
        entity.Property(j => j.ActorLogin).HasMaxLength(256);
        entity.Property(j => j.EntityType).HasMaxLength(100);
        entity.Property(j => j.EntityKey).HasMaxLength(100);
        entity.Property(j => j.Summary).HasMaxLength(500);
        // No foreign key to the account: the entry outlives the staff member who made it.
        entity.HasOne<Municipality>().WithMany().HasForeignKey(j => j.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        // The page reads a collectivité's entries newest first, by date range, author or kind.
        entity.HasIndex(j => new { j.MunicipalityId, j.AtUtc });
        entity.HasIndex(j => new { j.MunicipalityId, j.ActorAccountId, j.AtUtc });
        entity.HasIndex(j => new { j.MunicipalityId, j.EntityType, j.AtUtc });
    }
}
