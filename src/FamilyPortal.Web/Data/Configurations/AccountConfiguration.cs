using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<PortalAccount>
{
    public void Configure(EntityTypeBuilder<PortalAccount> entity)
    {
        entity.Property(a => a.HouseholdName).HasMaxLength(200);
        entity.Property(a => a.Civility).HasMaxLength(10);
        entity.Property(a => a.LastName).HasMaxLength(100);
        entity.Property(a => a.FirstName).HasMaxLength(100);
        entity.Property(a => a.SecondaryPhone).HasMaxLength(20);
        entity.Property(a => a.NotificationChannel).HasMaxLength(10);
        entity.HasIndex(a => a.Email);
        entity.Property(a => a.SecondaryEmail).HasMaxLength(254);
        entity.Property(a => a.SecretQuestion).HasMaxLength(200);
        entity.Property(a => a.SecretAnswerHash).HasMaxLength(200);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(a => a.StaffMunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(a => a.SelectedMunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
