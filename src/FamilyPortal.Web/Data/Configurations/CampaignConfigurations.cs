using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class AllocationCampaignConfiguration : IEntityTypeConfiguration<AllocationCampaign>
{
    public void Configure(EntityTypeBuilder<AllocationCampaign> entity)
    {
        entity.Property(c => c.Name).HasMaxLength(AllocationCampaign.NameMaxLength);
        entity.Property(c => c.PeriodLabel).HasMaxLength(100);
        entity.Property(c => c.Criteria).HasMaxLength(200);
        entity.Property(c => c.ResidentPostalCodes).HasMaxLength(AllocationCampaign.PostalCodesMaxLength);
        entity.Property(c => c.CreatedByAccountId).HasMaxLength(450);
        entity.Property(c => c.ConfirmedByAccountId).HasMaxLength(450);
        entity.Ignore(c => c.PostalCodeList);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(c => c.Activities).WithOne().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(c => new { c.MunicipalityId, c.PeriodStart });
    }
}

internal sealed class AllocationCampaignActivityConfiguration : IEntityTypeConfiguration<AllocationCampaignActivity>
{
    public void Configure(EntityTypeBuilder<AllocationCampaignActivity> entity)
    {
        entity.HasKey(a => new { a.CampaignId, a.ActivityId });
        entity.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(a => new { a.MunicipalityId, a.ActivityId });
    }
}

internal sealed class CampaignRequestConfiguration : IEntityTypeConfiguration<CampaignRequest>
{
    public void Configure(EntityTypeBuilder<CampaignRequest> entity)
    {
        entity.Property(r => r.Explanation).HasMaxLength(CampaignRequest.ExplanationMaxLength);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AllocationCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(r => r.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(r => new { r.CampaignId, r.EnrolmentId }).IsUnique();
        entity.HasIndex(r => new { r.MunicipalityId, r.EnrolmentId });
    }
}
