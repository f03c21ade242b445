using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class FamilyImportDraftConfiguration : IEntityTypeConfiguration<FamilyImportDraft>
{
    public void Configure(EntityTypeBuilder<FamilyImportDraft> entity)
    {
        entity.Property(d => d.Id).ValueGeneratedNever();
        entity.Property(d => d.FileName).HasMaxLength(255);
        entity.Property(d => d.EncodingName).HasMaxLength(20);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<PortalAccount>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(d => new { d.MunicipalityId, d.CreatedAtUtc });
    }
}
