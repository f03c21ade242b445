using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class DebitMandateConfiguration : IEntityTypeConfiguration<DebitMandate>
{
    public void Configure(EntityTypeBuilder<DebitMandate> entity)
    {
        entity.Property(m => m.Reference).HasMaxLength(MandateReference.MaxLength);
        entity.Property(m => m.AccountHolder).HasMaxLength(70);
        entity.Property(m => m.MaskedIban).HasMaxLength(24);
        entity.Property(m => m.Bic).HasMaxLength(11);
        entity.Property(m => m.Source).HasConversion<string>().HasMaxLength(10);
        entity.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        entity.Property(m => m.CreatedByAccountId).HasMaxLength(450);
        entity.Property(m => m.RevokedByAccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(m => m.FamilyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(m => new { m.MunicipalityId, m.Reference }).IsUnique();
        // One active mandate per family: a second signature while one is active fails here, whatever the race.
        entity.HasIndex(m => m.FamilyId).IsUnique().HasFilter("[Status] = 'Active'");
    }
}

internal sealed class DebitBatchConfiguration : IEntityTypeConfiguration<DebitBatch>
{
    public void Configure(EntityTypeBuilder<DebitBatch> entity)
    {
        entity.Property(b => b.MessageId).HasMaxLength(35);
        entity.Property(b => b.CreatedByAccountId).HasMaxLength(450);
        entity.Property(b => b.Total).HasPrecision(12, 2);
        entity.Property(b => b.FileSha256).HasMaxLength(64);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(b => b.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(b => b.Lines).WithOne().HasForeignKey(l => l.DebitBatchId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(b => new { b.MunicipalityId, b.MessageId }).IsUnique();
        entity.HasIndex(b => new { b.MunicipalityId, b.Month });
    }
}

internal sealed class DebitBatchLineConfiguration : IEntityTypeConfiguration<DebitBatchLine>
{
    public void Configure(EntityTypeBuilder<DebitBatchLine> entity)
    {
        entity.Property(l => l.Amount).HasPrecision(12, 2);
        entity.Property(l => l.Sequence).HasConversion<string>().HasMaxLength(10);
        // A line leaves a state only from the state it was read in: a reject entered while the collection is
        // recorded (or the other way round) fails instead of leaving a payment on a rejected debit.
        entity.Property(l => l.Status).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        entity.Property(l => l.RejectReason).HasMaxLength(4);
        entity.Property(l => l.RejectedByAccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Invoice>().WithMany().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<DebitMandate>().WithMany().HasForeignKey(l => l.MandateId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(l => l.Payment).WithMany().HasForeignKey(l => l.PaymentId).OnDelete(DeleteBehavior.Restrict);
        // An invoice is never in two debit files, even after a reject: the family then pays it another way.
        entity.HasIndex(l => l.InvoiceId).IsUnique();
        entity.HasIndex(l => l.MandateId);
    }
}
