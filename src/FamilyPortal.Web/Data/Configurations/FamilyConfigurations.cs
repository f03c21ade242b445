using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class FamilyConfiguration : IEntityTypeConfiguration<Family>
{
    public void Configure(EntityTypeBuilder<Family> entity)
    {
        entity.Property(f => f.HouseholdName).HasMaxLength(200);
        entity.Property(f => f.Version).IsConcurrencyToken();
        entity.Property(f => f.Reference).HasMaxLength(50);
        entity.Property(f => f.Email).HasMaxLength(254);
        entity.Property(f => f.Phone).HasMaxLength(20);
        entity.Property(f => f.AdhesionCodeLookup).HasMaxLength(64);
        entity.Property(f => f.AdhesionCodeProtected).HasMaxLength(1000);
        entity.Property(f => f.AddressLine).HasMaxLength(200);
        entity.Property(f => f.PostalCode).HasMaxLength(10);
        entity.Property(f => f.City).HasMaxLength(100);
        entity.Property(f => f.AllowanceBody).HasMaxLength(10);
        entity.Property(f => f.AllowanceNumber).HasMaxLength(20);
        entity.Property(f => f.Situation).HasMaxLength(50);
        entity.HasOne(f => f.Municipality).WithMany().HasForeignKey(f => f.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        // Codes are unique across the whole platform: one lookup finds one family.
        entity.HasIndex(f => f.AdhesionCodeLookup).IsUnique();
        entity.HasIndex(f => new { f.MunicipalityId, f.Reference }).IsUnique().HasFilter("[Reference] IS NOT NULL");
        entity.HasIndex(f => new { f.MunicipalityId, f.Email });
    }
}

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> entity)
    {
        entity.Property(c => c.FirstName).HasMaxLength(100);
        entity.Property(c => c.Version).IsConcurrencyToken();
        entity.Property(c => c.LastName).HasMaxLength(100);
        entity.Property(c => c.SchoolClass).HasMaxLength(50);
        entity.Ignore(c => c.FullName);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(c => c.Family).WithMany(f => f.Children).HasForeignKey(c => c.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(c => c.Site).WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        // A family's children in the current collectivité, without reading all the collectivité's children
        // (see the same index on Bookings).
        entity.HasIndex(c => new { c.MunicipalityId, c.FamilyId });
    }
}

internal sealed class ResponsibleAdultConfiguration : IEntityTypeConfiguration<ResponsibleAdult>
{
    public void Configure(EntityTypeBuilder<ResponsibleAdult> entity)
    {
        entity.Property(a => a.Civility).HasMaxLength(10);
        entity.Property(a => a.FirstName).HasMaxLength(ResponsibleAdult.MaxNameLength);
        entity.Property(a => a.LastName).HasMaxLength(ResponsibleAdult.MaxNameLength);
        entity.Property(a => a.Relationship).HasMaxLength(ResponsibleAdult.MaxRelationshipLength);
        entity.Property(a => a.Email).HasMaxLength(254);
        entity.Property(a => a.MobilePhone).HasMaxLength(20);
        entity.Property(a => a.HomePhone).HasMaxLength(20);
        entity.Property(a => a.WorkPhone).HasMaxLength(20);
        entity.Ignore(a => a.FullName);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(a => a.Family).WithMany(f => f.Adults).HasForeignKey(a => a.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(a => new { a.MunicipalityId, a.FamilyId });
    }
}
