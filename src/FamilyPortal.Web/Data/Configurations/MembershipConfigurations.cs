using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> entity)
    {
        entity.HasOne(m => m.Municipality).WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(m => m.Family).WithMany().HasForeignKey(m => m.FamilyId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account takes its adhésions with it.
        entity.HasOne<PortalAccount>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The database, not only C#, refuses a second link of the same account to a family, or to a
        // second family of the same collectivité.
        entity.HasIndex(m => new { m.FamilyId, m.AccountId }).IsUnique();
        entity.HasIndex(m => new { m.AccountId, m.MunicipalityId }).IsUnique();
    }
}

internal sealed class AdhesionAttemptConfiguration : IEntityTypeConfiguration<AdhesionAttempt>
{
    public void Configure(EntityTypeBuilder<AdhesionAttempt> entity)
    {
        entity.Property(a => a.AccountId).HasMaxLength(450);
        entity.Property(a => a.IpAddress).HasMaxLength(45);
        // The two counts of the rule (per account, per address) and the hourly purge.
        entity.HasIndex(a => new { a.AccountId, a.AtUtc });
        entity.HasIndex(a => new { a.IpAddress, a.AtUtc });
        entity.HasIndex(a => a.AtUtc);
    }
}
