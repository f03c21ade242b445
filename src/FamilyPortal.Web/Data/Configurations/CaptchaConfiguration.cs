using FamilyPortal.Web.Infrastructure.Captcha;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class CaptchaConfiguration : IEntityTypeConfiguration<StoredCaptchaChallenge>
{
    public void Configure(EntityTypeBuilder<StoredCaptchaChallenge> entity)
    {
        entity.ToTable("CaptchaChallenges");
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).HasMaxLength(32).IsUnicode(false).ValueGeneratedNever();
        entity.Property(c => c.AnswerHash).HasMaxLength(64).IsUnicode(false);
        entity.Property(c => c.ProtectedSecret).HasMaxLength(1000).IsUnicode(false);
        // Issuing a challenge sweeps the expired ones.
        entity.HasIndex(c => c.ExpiresAtUtc);
    }
}
