using FamilyPortal.Web.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class ReferenceDataStampConfiguration : IEntityTypeConfiguration<ReferenceDataStamp>
{
    public void Configure(EntityTypeBuilder<ReferenceDataStamp> entity)
    {
        entity.HasKey(s => s.MunicipalityId);
        entity.Property(s => s.MunicipalityId).ValueGeneratedNever();
        entity.HasOne(s => s.Municipality).WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}
