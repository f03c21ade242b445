using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class OnlinePaymentConfiguration : IEntityTypeConfiguration<OnlinePayment>
{
    public void Configure(EntityTypeBuilder<OnlinePayment> entity)
    {
        entity.Property(p => p.AccountId).HasMaxLength(450);
        entity.Property(p => p.Provider).HasMaxLength(20);
        entity.Property(p => p.OperationId).HasMaxLength(100);
        entity.Property(p => p.ClientNumber).HasMaxLength(6);
        entity.Property(p => p.Reference).HasMaxLength(30);
        entity.Property(p => p.Amount).HasPrecision(12, 2);
        entity.Property(p => p.Email).HasMaxLength(254);
        entity.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(p => p.TransactionNumber).HasMaxLength(50);
        entity.Property(p => p.CheckReason).HasMaxLength(500);
        entity.Property(p => p.CheckedByAccountId).HasMaxLength(450);
        entity.Property(p => p.CheckNote).HasMaxLength(500);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(p => p.FamilyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(p => p.Invoices).WithOne().HasForeignKey(i => i.OnlinePaymentId).OnDelete(DeleteBehavior.Cascade);
        // The service's id finds the payment from its notification, whatever the collectivité.
        entity.HasIndex(p => new { p.Provider, p.OperationId }).IsUnique();
        entity.HasIndex(p => new { p.MunicipalityId, p.Status });
    }
}

internal sealed class OnlinePaymentInvoiceConfiguration : IEntityTypeConfiguration<OnlinePaymentInvoice>
{
    public void Configure(EntityTypeBuilder<OnlinePaymentInvoice> entity)
    {
        entity.Property(i => i.Amount).HasPrecision(12, 2);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(i => i.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Invoice>().WithMany().HasForeignKey(i => i.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(i => new { i.MunicipalityId, i.InvoiceId });
    }
}
