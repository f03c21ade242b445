using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class RememberedDeviceConfiguration : IEntityTypeConfiguration<RememberedDevice>
{
    public void Configure(EntityTypeBuilder<RememberedDevice> entity)
    {
        entity.HasKey(d => d.Id);
        entity.Property(d => d.SecretHash).HasMaxLength(64);
        entity.HasIndex(d => d.SecretHash).IsUnique();
        entity.Property(d => d.Label).HasMaxLength(DeviceLabel.MaxLength);
        entity.HasOne<PortalAccount>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(d => d.AccountId);
    }
}

internal sealed class SignInTicketConfiguration : IEntityTypeConfiguration<SignInTicket>
{
    public void Configure(EntityTypeBuilder<SignInTicket> entity)
    {
        entity.HasKey(t => t.IdHash);
        entity.Property(t => t.IdHash).HasMaxLength(64);
        entity.Property(t => t.Identifiant).HasMaxLength(256);
        entity.Property(t => t.ReturnUrl).HasMaxLength(2000);
        // No foreign key to the account: a ticket may name none, and it lives a few minutes.
        entity.HasIndex(t => t.ExpiresAtUtc);
    }
}
