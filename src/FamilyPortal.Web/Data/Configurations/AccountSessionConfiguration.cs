using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> entity)
    {
        entity.HasKey(s => s.IdHash);
        entity.Property(s => s.IdHash).HasMaxLength(64);
        entity.HasOne<PortalAccount>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(s => s.AccountId);
        // No foreign key: SQL Server refuses a second cascade path from the account; forgetting a device deletes its sessions itself.
        entity.HasIndex(s => s.DeviceId);
    }
}
