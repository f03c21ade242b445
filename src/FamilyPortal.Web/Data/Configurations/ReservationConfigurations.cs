using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPortal.Web.Data.Configurations;

internal sealed class SchoolYearConfiguration : IEntityTypeConfiguration<SchoolYear>
{
    public void Configure(EntityTypeBuilder<SchoolYear> entity)
    {
        entity.Property(y => y.Label).HasMaxLength(20);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(y => y.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(y => new { y.MunicipalityId, y.StartDate });
    }
}

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> entity)
    {
        entity.Property(c => c.Reason).HasMaxLength(200);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Activity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(c => new { c.MunicipalityId, c.StartDate, c.EndDate });
    }
}

internal sealed class CapacityOverrideConfiguration : IEntityTypeConfiguration<CapacityOverride>
{
    public void Configure(EntityTypeBuilder<CapacityOverride> entity)
    {
        entity.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Activity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(c => new { c.ActivityId, c.Date }).IsUnique();
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> entity)
    {
        entity.Property(b => b.CreatedByAccountId).HasMaxLength(450);
        entity.Property(b => b.StaffReason).HasMaxLength(500);
        entity.Property(b => b.CancelledByAccountId).HasMaxLength(450);
        entity.Property(b => b.CancellationReason).HasMaxLength(500);
        // A tracked cancellation applies only to a booking still active: two cancellations of the same booking
        // at once cannot both give its place back (the second save finds the row changed and is refused).
        entity.Property(b => b.CancelledAtUtc).IsConcurrencyToken();
        entity.Ignore(b => b.IsActive);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(b => b.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Child>().WithMany().HasForeignKey(b => b.ChildId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Activity>().WithMany().HasForeignKey(b => b.ActivityId).OnDelete(DeleteBehavior.Restrict);
        // One active booking per child, activity and day: a double validation cannot book twice.
        entity.HasIndex(b => new { b.ChildId, b.ActivityId, b.Date }).IsUnique().HasFilter("[CancelledAtUtc] IS NULL");
        // The grid and attendance lists read one activity over a range of days.
        entity.HasIndex(b => new { b.ActivityId, b.Date });
        // The grid reads a child's days in the current collectivité. Leading with MunicipalityId also replaces
        // the lone foreign-key index on it, which SQLite (without statistics) preferred for every tenant-filtered
        // query: it read all the bookings of the collectivité to show one week (see the README's performance notes).
        entity.HasIndex(b => new { b.MunicipalityId, b.ChildId, b.Date });
    }
}

internal sealed class ActivityDayLoadConfiguration : IEntityTypeConfiguration<ActivityDayLoad>
{
    public void Configure(EntityTypeBuilder<ActivityDayLoad> entity)
    {
        entity.HasKey(l => new { l.ActivityId, l.Date });
        entity.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Activity>().WithMany().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        // Tenant-filtered reads of a range of days: see the same index on Bookings.
        entity.HasIndex(l => new { l.MunicipalityId, l.ActivityId, l.Date });
    }
}

internal sealed class BasketLineConfiguration : IEntityTypeConfiguration<BasketLine>
{
    public void Configure(EntityTypeBuilder<BasketLine> entity)
    {
        entity.Property(l => l.AccountId).HasMaxLength(450);
        entity.Property(l => l.RefusalReason).HasMaxLength(200);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<PortalAccount>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Child>().WithMany().HasForeignKey(l => l.ChildId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Activity>().WithMany().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(l => new { l.AccountId, l.MunicipalityId, l.ChildId, l.ActivityId, l.Date }).IsUnique();
    }
}

internal sealed class BasketValidationConfiguration : IEntityTypeConfiguration<BasketValidation>
{
    public void Configure(EntityTypeBuilder<BasketValidation> entity)
    {
        entity.Property(v => v.AccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(v => v.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(v => new { v.AccountId, v.AtUtc });
    }
}

internal sealed class WaitingEntryConfiguration : IEntityTypeConfiguration<WaitingEntry>
{
    public void Configure(EntityTypeBuilder<WaitingEntry> entity)
    {
        entity.Property(e => e.AccountId).HasMaxLength(450);
        entity.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Activity>().WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        // A child waits once for a day; the list of a day is read in order.
        entity.HasIndex(e => new { e.ChildId, e.ActivityId, e.Date }).IsUnique().HasFilter("[State] = 0");
        entity.HasIndex(e => new { e.MunicipalityId, e.ActivityId, e.Date, e.State });
    }
}
