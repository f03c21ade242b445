using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> entity)
    {
        entity.Property(m => m.Name).HasMaxLength(200);
        entity.Property(m => m.ShortName).HasMaxLength(50);
        entity.HasIndex(m => m.ShortName).IsUnique();
        entity.Property(m => m.ContactEmail).HasMaxLength(254);
        entity.Property(m => m.PostalAddress).HasMaxLength(500);
        entity.Property(m => m.TimeZoneId).HasMaxLength(64);
        entity.Property(m => m.Holidays).HasConversion<string>().HasMaxLength(20);
        entity.Property(m => m.SchoolZone).HasConversion<string>().HasMaxLength(20);
        entity.Property(m => m.LeaveAloneMinimumAge).HasDefaultValue(Municipality.DefaultLeaveAloneMinimumAge);
        entity.Property(m => m.DocumentReminderDays).HasDefaultValue(Municipality.DefaultDocumentReminderDays);
        entity.Property(m => m.PayFipClientNumber).HasMaxLength(6);
        entity.Property(m => m.CreditorIdentifier).HasMaxLength(35);
        entity.Property(m => m.CreditorIban).HasMaxLength(34);
        entity.Property(m => m.CreditorBic).HasMaxLength(11);
        entity.Property(m => m.Siret).HasMaxLength(14);
        entity.Property(m => m.SignatoryName).HasMaxLength(Municipality.MaxSignatoryLength);
        entity.Property(m => m.SignatoryTitle).HasMaxLength(Municipality.MaxSignatoryLength);
        entity.Property(m => m.ReminderText).HasMaxLength(Municipality.MaxReminderTextLength);
        // The sentinel says that Test, the default of the column, is also what a new collectivité carries in memory.
        entity.Property(m => m.PayFipMode).HasConversion<string>().HasMaxLength(20).HasDefaultValue(PayFipMode.Test).HasSentinel(PayFipMode.Test);
    }
}
