using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class MessageThreadConfiguration : IEntityTypeConfiguration<MessageThread>
{
    public void Configure(EntityTypeBuilder<MessageThread> entity)
    {
        entity.Property(t => t.Subject).HasMaxLength(MessageThread.SubjectMaxLength);
        entity.Property(t => t.AssignedAccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Family>().WithMany().HasForeignKey(t => t.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // The inbox by status and date, and a family's own threads.
        entity.HasIndex(t => new { t.MunicipalityId, t.Status, t.UpdatedAtUtc });
        entity.HasIndex(t => new { t.MunicipalityId, t.FamilyId });
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> entity)
    {
        entity.Property(m => m.AuthorAccountId).HasMaxLength(450);
        entity.Property(m => m.AuthorName).HasMaxLength(200);
        entity.Property(m => m.Text).HasMaxLength(Message.TextMaxLength);
        entity.Property(m => m.AttachmentName).HasMaxLength(255);
        entity.Property(m => m.AttachmentContentType).HasMaxLength(50);
        entity.Property(m => m.AttachmentSha256).HasMaxLength(64);
        entity.Ignore(m => m.HasAttachment);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(m => new { m.MunicipalityId, m.ThreadId });
    }
}

internal sealed class MessageSubjectConfiguration : IEntityTypeConfiguration<MessageSubject>
{
    public void Configure(EntityTypeBuilder<MessageSubject> entity)
    {
        entity.Property(s => s.Name).HasMaxLength(MessageThread.SubjectMaxLength);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(s => new { s.MunicipalityId, s.Name }).IsUnique();
    }
}
