using FamilyPortal.Web.Infrastructure.Captcha;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data;

/// <summary>
/// The portal's database. Each provider has a subclass that only carries its own migration set;
/// the model is defined once, here.
/// </summary>
public abstract class FamilyPortalDbContext(DbContextOptions options, TenantContext tenant)
    : IdentityDbContext<PortalAccount>(options), IDataProtectionKeyContext
{
    /// <summary>Name of the query filter that hides other collectivités' rows.</summary>
    public const string TenantFilter = "Tenant";

    private readonly TenantContext _tenant = tenant;

    /// <summary>Read by the tenant query filters at each query.</summary>
    public int? CurrentMunicipalityId => _tenant.MunicipalityId;

    public TenantContext Tenant => _tenant;

    /// <summary>A save of this context gave a collectivité a new reference data version: the one read before is past.</summary>
    public bool ReferenceDataStamped { get; internal set; }

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<ServiceKind> ServiceKinds => Set<ServiceKind>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Family> Families => Set<Family>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<ResponsibleAdult> ResponsibleAdults => Set<ResponsibleAdult>();
    public DbSet<FamilyContact> FamilyContacts => Set<FamilyContact>();
    public DbSet<FamilyContactChild> FamilyContactChildren => Set<FamilyContactChild>();
    public DbSet<HealthRecord> HealthRecords => Set<HealthRecord>();
    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();
    public DbSet<FamilyFileConfirmation> FamilyFileConfirmations => Set<FamilyFileConfirmation>();
    public DbSet<FamilyImportDraft> FamilyImportDrafts => Set<FamilyImportDraft>();
    public DbSet<SchoolYear> SchoolYears => Set<SchoolYear>();
    public DbSet<Closure> Closures => Set<Closure>();
    public DbSet<CapacityOverride> CapacityOverrides => Set<CapacityOverride>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<AttendanceMark> AttendanceMarks => Set<AttendanceMark>();
    public DbSet<ActivityDayLoad> ActivityDayLoads => Set<ActivityDayLoad>();
    public DbSet<BasketLine> BasketLines => Set<BasketLine>();
    public DbSet<BasketValidation> BasketValidations => Set<BasketValidation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<AdhesionAttempt> AdhesionAttempts => Set<AdhesionAttempt>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Infrastructure.Jobs.JobLease> JobLeases => Set<Infrastructure.Jobs.JobLease>();
    public DbSet<Infrastructure.RateLimits.RateLimitCounter> RateLimitCounters => Set<Infrastructure.RateLimits.RateLimitCounter>();
    public DbSet<Infrastructure.ReferenceData.ReferenceDataStamp> ReferenceDataStamps => Set<Infrastructure.ReferenceData.ReferenceDataStamp>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<RememberedDevice> RememberedDevices => Set<RememberedDevice>();
    public DbSet<SignInTicket> SignInTickets => Set<SignInTicket>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredCaptchaChallenge> CaptchaChallenges => Set<StoredCaptchaChallenge>();
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();
    public DbSet<NewsRead> NewsReads => Set<NewsRead>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<QuotientBracket> QuotientBrackets => Set<QuotientBracket>();
    public DbSet<BracketPrice> BracketPrices => Set<BracketPrice>();
    public DbSet<FamilyQuotient> FamilyQuotients => Set<FamilyQuotient>();
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();
    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<OnlinePayment> OnlinePayments => Set<OnlinePayment>();
    public DbSet<OnlinePaymentInvoice> OnlinePaymentInvoices => Set<OnlinePaymentInvoice>();
    public DbSet<DebitMandate> DebitMandates => Set<DebitMandate>();
    public DbSet<DebitBatch> DebitBatches => Set<DebitBatch>();
    public DbSet<DebitBatchLine> DebitBatchLines => Set<DebitBatchLine>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<WaitingEntry> WaitingEntries => Set<WaitingEntry>();
    public DbSet<EnrolmentLoad> EnrolmentLoads => Set<EnrolmentLoad>();
    public DbSet<AllocationCampaign> AllocationCampaigns => Set<AllocationCampaign>();
    public DbSet<AllocationCampaignActivity> AllocationCampaignActivities => Set<AllocationCampaignActivity>();
    public DbSet<CampaignRequest> CampaignRequests => Set<CampaignRequest>();
    public DbSet<Attestation> Attestations => Set<Attestation>();
    public DbSet<AttestationLine> AttestationLines => Set<AttestationLine>();
    public DbSet<InvoiceReminder> InvoiceReminders => Set<InvoiceReminder>();
    public DbSet<BookingReminderSent> BookingRemindersSent => Set<BookingReminderSent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FamilyPortalDbContext).Assembly);
        ApplyTenantFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantSaveGuard.Check(ChangeTracker, _tenant);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantSaveGuard.Check(ChangeTracker, _tenant);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void ApplyTenantFilters(ModelBuilder builder)
    {
        var apply = typeof(FamilyPortalDbContext).GetMethod(nameof(ApplyTenantFilter),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
            }
        }
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder builder) where TEntity : class, ITenantOwned =>
        builder.Entity<TEntity>().HasQueryFilter(TenantFilter, e => e.MunicipalityId == CurrentMunicipalityId);
}
