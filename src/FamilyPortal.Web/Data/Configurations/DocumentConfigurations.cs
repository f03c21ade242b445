using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class SupportingDocumentTypeConfiguration : IEntityTypeConfiguration<SupportingDocumentType>
{
    public void Configure(EntityTypeBuilder<SupportingDocumentType> entity)
    {
        entity.Property(t => t.Name).HasMaxLength(SupportingDocumentType.NameMaxLength);
        entity.PrimitiveCollection(t => t.ServiceKindIds);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(t => new { t.MunicipalityId, t.Name }).IsUnique();
    }
}

internal sealed class SupportingDocumentConfiguration : IEntityTypeConfiguration<SupportingDocument>
{
    public void Configure(EntityTypeBuilder<SupportingDocument> entity)
    {
        entity.Property(d => d.RefusalReason).HasMaxLength(SupportingDocuments.RefusalReasonMaxLength);
        entity.Property(d => d.UploadedByAccountId).HasMaxLength(450);
        entity.Property(d => d.DecidedByAccountId).HasMaxLength(450);
        entity.Property(d => d.FileName).HasMaxLength(255);
        entity.Property(d => d.ContentType).HasMaxLength(50);
        entity.Property(d => d.Sha256).HasMaxLength(64);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(d => d.FamilyId).OnDelete(DeleteBehavior.Cascade);
        // A child's documents go with the child; SQL Server refuses a second cascade path to the same rows.
        entity.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.ClientCascade);
        entity.HasOne(d => d.Type).WithMany().HasForeignKey(d => d.TypeId).OnDelete(DeleteBehavior.Restrict);
        // The family's page, and the staff queue by status.
        entity.HasIndex(d => new { d.MunicipalityId, d.FamilyId });
        entity.HasIndex(d => new { d.MunicipalityId, d.Status, d.UploadedAtUtc });
    }
}
