using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class FamilyContactConfiguration : IEntityTypeConfiguration<FamilyContact>
{
    public void Configure(EntityTypeBuilder<FamilyContact> entity)
    {
        entity.Property(c => c.FirstName).HasMaxLength(FamilyContact.MaxNameLength);
        entity.Property(c => c.LastName).HasMaxLength(FamilyContact.MaxNameLength);
        entity.Property(c => c.Relationship).HasMaxLength(ResponsibleAdult.MaxRelationshipLength);
        entity.Property(c => c.Phone).HasMaxLength(20);
        entity.Ignore(c => c.FullName);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(c => c.Family).WithMany(f => f.Contacts).HasForeignKey(c => c.FamilyId).OnDelete(DeleteBehavior.Cascade);
        // Each person once per family.
        entity.HasIndex(c => new { c.FamilyId, c.LastName, c.FirstName }).IsUnique();
        entity.HasIndex(c => new { c.MunicipalityId, c.FamilyId });
    }
}

internal sealed class FamilyContactChildConfiguration : IEntityTypeConfiguration<FamilyContactChild>
{
    public void Configure(EntityTypeBuilder<FamilyContactChild> entity)
    {
        entity.HasKey(c => new { c.FamilyContactId, c.ChildId });
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(c => c.Contact).WithMany(c => c.Children).HasForeignKey(c => c.FamilyContactId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server refuses two cascade paths from the family: a child removed takes its links in code.
        entity.HasOne(c => c.Child).WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.ClientCascade);
        entity.HasIndex(c => c.ChildId);
    }
}

internal sealed class HealthRecordConfiguration : IEntityTypeConfiguration<HealthRecord>
{
    public void Configure(EntityTypeBuilder<HealthRecord> entity)
    {
        entity.Property(h => h.Version).IsConcurrencyToken();
        entity.HasOne<Municipality>().WithMany().HasForeignKey(h => h.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(h => h.Child).WithMany().HasForeignKey(h => h.ChildId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(h => h.ChildId).IsUnique();
        entity.HasIndex(h => new { h.MunicipalityId, h.HasPai });
    }
}

internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> entity)
    {
        entity.Property(r => r.Version).IsConcurrencyToken();
        entity.Property(r => r.Section).HasConversion<string>().HasMaxLength(20);
        entity.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(r => r.FieldsSummary).HasMaxLength(500);
        entity.Property(r => r.Reason).HasMaxLength(ChangeRequest.MaxReasonLength);
        entity.Property(r => r.RequestedByAccountId).HasMaxLength(450);
        entity.Property(r => r.DecidedByAccountId).HasMaxLength(450);
        entity.Property(r => r.DecidedByName).HasMaxLength(250);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(r => r.Family).WithMany().HasForeignKey(r => r.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(r => r.Child).WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.ClientCascade);
        entity.HasIndex(r => new { r.MunicipalityId, r.Status, r.RequestedAtUtc });
        entity.HasIndex(r => new { r.FamilyId, r.Status });
    }
}

internal sealed class FamilyFileConfirmationConfiguration : IEntityTypeConfiguration<FamilyFileConfirmation>
{
    public void Configure(EntityTypeBuilder<FamilyFileConfirmation> entity)
    {
        entity.Property(c => c.AccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(c => c.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<SchoolYear>().WithMany().HasForeignKey(c => c.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(c => new { c.FamilyId, c.SchoolYearId }).IsUnique();
    }
}
