using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class AttestationConfiguration : IEntityTypeConfiguration<Attestation>
{
    public void Configure(EntityTypeBuilder<Attestation> entity)
    {
        entity.Property(a => a.Number).HasMaxLength(20);
        entity.Property(a => a.Amount).HasPrecision(12, 2);
        entity.Property(a => a.ChildName).HasMaxLength(Attestation.MaxNameLength);
        entity.Property(a => a.HouseholdName).HasMaxLength(200);
        entity.Property(a => a.Parents).HasMaxLength(500);
        entity.Property(a => a.MunicipalityName).HasMaxLength(200);
        entity.Property(a => a.MunicipalityAddress).HasMaxLength(500);
        entity.Property(a => a.Siret).HasMaxLength(14);
        entity.Property(a => a.SignatoryName).HasMaxLength(Municipality.MaxSignatoryLength);
        entity.Property(a => a.SignatoryTitle).HasMaxLength(Municipality.MaxSignatoryLength);
        entity.Property(a => a.CreatedByAccountId).HasMaxLength(450);
        entity.Ignore(a => a.FileName);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(a => a.FamilyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.AttestationId).OnDelete(DeleteBehavior.Cascade);
        // The same attestation asked twice, even at the same moment, is one row with one number.
        entity.HasIndex(a => new { a.MunicipalityId, a.ChildId, a.Kind, a.PeriodStart, a.PeriodEnd }).IsUnique();
        entity.HasIndex(a => new { a.MunicipalityId, a.Year, a.Sequence }).IsUnique();
        entity.HasIndex(a => new { a.MunicipalityId, a.FamilyId });
    }
}

internal sealed class AttestationLineConfiguration : IEntityTypeConfiguration<AttestationLine>
{
    public void Configure(EntityTypeBuilder<AttestationLine> entity)
    {
        entity.Property(l => l.Activity).HasMaxLength(250);
        entity.Property(l => l.Amount).HasPrecision(12, 2);
        entity.Property(l => l.Dates).HasMaxLength(4500);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(l => new { l.MunicipalityId, l.AttestationId });
    }
}

internal sealed class InvoiceReminderConfiguration : IEntityTypeConfiguration<InvoiceReminder>
{
    public void Configure(EntityTypeBuilder<InvoiceReminder> entity)
    {
        entity.Property(r => r.Remaining).HasPrecision(12, 2);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Invoice>().WithMany().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        // Each level once per invoice, whatever the number of servers running the job.
        entity.HasIndex(r => new { r.MunicipalityId, r.InvoiceId, r.Level }).IsUnique();
    }
}
