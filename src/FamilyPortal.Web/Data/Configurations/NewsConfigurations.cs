using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> entity)
    {
        entity.Property(n => n.Title).HasMaxLength(NewsItem.TitleMaxLength);
        entity.Property(n => n.Body).HasMaxLength(NewsItem.BodyMaxLength);
        entity.Property(n => n.Version).IsConcurrencyToken();
        entity.HasOne<Municipality>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        // The parents' page: the collectivité's actualités by publication date.
        entity.HasIndex(n => new { n.MunicipalityId, n.PublishFromUtc });
    }
}

internal sealed class NewsReadConfiguration : IEntityTypeConfiguration<NewsRead>
{
    public void Configure(EntityTypeBuilder<NewsRead> entity)
    {
        entity.Property(r => r.AccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<NewsItem>().WithMany().HasForeignKey(r => r.NewsItemId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account takes what it read with it.
        entity.HasOne<PortalAccount>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        // Once per account and actualité, even when two tabs show the page at the same time.
        entity.HasIndex(r => new { r.MunicipalityId, r.AccountId, r.NewsItemId }).IsUnique();
    }
}
