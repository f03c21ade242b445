using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class QuotientBracketConfiguration : IEntityTypeConfiguration<QuotientBracket>
{
    public void Configure(EntityTypeBuilder<QuotientBracket> entity)
    {
        entity.Property(b => b.Label).HasMaxLength(50);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(b => b.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(b => b.Prices).WithOne().HasForeignKey(p => p.BracketId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(b => new { b.MunicipalityId, b.MinQuotient }).IsUnique();
    }
}

internal sealed class BracketPriceConfiguration : IEntityTypeConfiguration<BracketPrice>
{
    public void Configure(EntityTypeBuilder<BracketPrice> entity)
    {
        entity.HasKey(p => new { p.BracketId, p.ActivityId });
        entity.Property(p => p.Price).HasPrecision(10, 3);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Activity>().WithMany().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(p => new { p.MunicipalityId, p.ActivityId });
    }
}

internal sealed class FamilyQuotientConfiguration : IEntityTypeConfiguration<FamilyQuotient>
{
    public void Configure(EntityTypeBuilder<FamilyQuotient> entity)
    {
        entity.HasOne<Municipality>().WithMany().HasForeignKey(q => q.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(q => q.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(q => new { q.MunicipalityId, q.FamilyId, q.ValidFrom });
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> entity)
    {
        entity.HasKey(c => new { c.MunicipalityId, c.Series, c.Year });
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> entity)
    {
        entity.Property(i => i.Number).HasMaxLength(20);
        entity.Property(i => i.HouseholdName).HasMaxLength(200);
        entity.Property(i => i.Total).HasPrecision(12, 2);
        entity.Property(i => i.Credited).HasPrecision(12, 2);
        entity.Property(i => i.Paid).HasPrecision(12, 2);
        entity.Property(i => i.Version).IsConcurrencyToken();
        entity.Ignore(i => i.BillingMonth);
        entity.Ignore(i => i.Remaining);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(i => i.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(i => i.FamilyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        // One invoice per family and month: issuing a month twice, even at the same moment, cannot duplicate one.
        entity.HasIndex(i => new { i.MunicipalityId, i.FamilyId, i.Month }).IsUnique();
        entity.HasIndex(i => new { i.MunicipalityId, i.Year, i.Sequence }).IsUnique();
        entity.HasIndex(i => new { i.MunicipalityId, i.Number }).IsUnique();
        entity.HasIndex(i => new { i.MunicipalityId, i.Month, i.Status });
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> entity)
    {
        entity.Property(l => l.ChildName).HasMaxLength(201);
        entity.Property(l => l.Description).HasMaxLength(250);
        entity.Property(l => l.Bracket).HasMaxLength(100);
        entity.Property(l => l.UnitPrice).HasPrecision(10, 3);
        entity.Property(l => l.Amount).HasPrecision(12, 2);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(l => new { l.MunicipalityId, l.InvoiceId });
    }
}

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> entity)
    {
        entity.Property(c => c.Number).HasMaxLength(20);
        entity.Property(c => c.Reason).HasMaxLength(500);
        entity.Property(c => c.CreatedByAccountId).HasMaxLength(450);
        entity.Property(c => c.Amount).HasPrecision(12, 2);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(c => new { c.MunicipalityId, c.Year, c.Sequence }).IsUnique();
        entity.HasIndex(c => new { c.MunicipalityId, c.InvoiceId });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> entity)
    {
        entity.Property(p => p.Amount).HasPrecision(12, 2);
        entity.Property(p => p.Reference).HasMaxLength(100);
        entity.Property(p => p.RecordedByAccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(p => new { p.MunicipalityId, p.InvoiceId });
    }
}
