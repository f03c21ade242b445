using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.Property(m => m.ToAddress).HasMaxLength(254);
        entity.Property(m => m.ToName).HasMaxLength(200);
        entity.Property(m => m.Subject).HasMaxLength(300);
        entity.Property(m => m.MessageId).HasMaxLength(200);
        entity.Property(m => m.LastError).HasMaxLength(2000);
        entity.Property(m => m.ClaimedBy).HasMaxLength(100);
        entity.HasIndex(m => m.MessageId).IsUnique();
        entity.Property(m => m.HeldForAccountId).HasMaxLength(450);
        entity.HasIndex(m => m.HeldForAccountId);
        // The dispatcher's query: unsent messages that are due.
        entity.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
    }
}
