using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FamilyPortal.Web.Journal;

/// <summary>
/// Writes the « Journal » without any page having to ask: at each SaveChanges of town-hall staff, every
/// tenant-owned record added, modified or deleted (and the staff accounts of the collectivité) becomes a
/// journal entry with the changed fields before and after, secrets masked, in the same SaveChanges — so
/// the entry is committed with the change or not at all. A parent's « Valider » is recorded too, from the
/// <see cref="BasketValidation"/> it adds. A staff account's role given or taken is recorded on the account;
/// the platform operator's changes to a collectivité's staff go to that collectivité's journal.
/// Bulk statements (ExecuteUpdate, raw SQL) bypass the change tracker: staff changes go through tracked
/// entities so that they are journalled; the places counter is the only bulk write, on purpose not journalled.
/// </summary>
public sealed class JournalInterceptor(CurrentMunicipality current, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>An entry whose record gets its key from the database: filled in once the save has run.</summary>
    private sealed record KeyToFill(JournalEntry Journal, EntityEntry Record);

    private const int MaxSummaryLength = 500;

    private readonly List<JournalEntry> _written = [];
    private readonly List<KeyToFill> _keysToFill = [];
    private JournalActor? _staff;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is FamilyPortalDbContext db)
        {
            await RecordAsync(db, new AsyncJournalQueries(cancellationToken));
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is FamilyPortalDbContext db)
        {
            // The synchronous runner completes the task before it returns.
            RecordAsync(db, new SyncJournalQueries()).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is FamilyPortalDbContext db)
        {
            foreach (var (journal, key) in KeysToFill(db))
            {
                await KeyUpdate(db, journal).ExecuteUpdateAsync(s => s.SetProperty(j => j.EntityKey, key), cancellationToken);
            }
        }
        _written.Clear();
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is FamilyPortalDbContext db)
        {
            foreach (var (journal, key) in KeysToFill(db))
            {
                KeyUpdate(db, journal).ExecuteUpdate(s => s.SetProperty(j => j.EntityKey, key));
            }
        }
        _written.Clear();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    // EF reports a concurrency conflict here rather than through SaveChangesFailed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Forget(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData?.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>A failed save leaves its journal entries out: a retried save writes its own, once.</summary>
    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            foreach (var journal in _written)
            {
                context.Entry(journal).State = EntityState.Detached;
            }
        }
        _written.Clear();
        _keysToFill.Clear();
    }

    private List<(JournalEntry Journal, string Key)> KeysToFill(FamilyPortalDbContext db)
    {
        var filled = new List<(JournalEntry, string)>();
        foreach (var (journal, record) in _keysToFill)
        {
            if (RecordChanges.KeyOf(record) is not { } key)
            {
                continue;
            }
            var property = db.Entry(journal).Property(j => j.EntityKey);
            property.CurrentValue = key;
            property.OriginalValue = key;
            property.IsModified = false;
            filled.Add((journal, key));
        }
        _keysToFill.Clear();
        return filled;
    }

    // The row was inserted a moment ago by this very save: found by its id whatever the current collectivité.
    private static IQueryable<JournalEntry> KeyUpdate(FamilyPortalDbContext db, JournalEntry journal) =>
        db.Set<JournalEntry>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).Where(j => j.Id == journal.Id);

    private async Task RecordAsync(FamilyPortalDbContext db, IJournalQueries queries)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var validations = changed.Where(e => e.State == EntityState.Added && e.Entity is BasketValidation).ToList();
        // Staff work on their own collectivité; the operator on the one their page entered (its staff accounts).
        var journalOf = current.IsStaff ? current.Id : current.IsOperator ? db.CurrentMunicipalityId : null;
        var staffChanges = journalOf is { } municipalityId
            ? changed.Where(e => IsJournalled(e, municipalityId)).ToList()
            : [];
        var roleChanges = journalOf is null ? [] : changed.Where(e => e.Entity is IdentityUserRole<string>).ToList();
        if (validations.Count == 0 && staffChanges.Count == 0 && roleChanges.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (roleChanges.Count > 0)
        {
            var staff = _staff ??= await StaffAsync(db, queries);
            foreach (var (record, entry) in await JournalEvents.RoleChangesAsync(db, roleChanges, journalOf!.Value, staff, now, queries))
            {
                Write(db, record, entry);
            }
        }
        if (staffChanges.Count > 0)
        {
            var staff = _staff ??= await StaffAsync(db, queries);
            var names = await JournalNames.LoadAsync(db, staffChanges, queries);
            foreach (var record in staffChanges)
            {
                var changes = RecordChanges.ChangesOf(record);
                if (record.State == EntityState.Modified && changes.Count == 0)
                {
                    continue;
                }
                var action = record.State switch
                {
                    EntityState.Added => JournalAction.Created,
                    EntityState.Deleted => JournalAction.Deleted,
                    _ => JournalAction.Modified,
                };
                Write(db, record, new JournalEntry
                {
                    MunicipalityId = journalOf!.Value,
                    AtUtc = now,
                    ActorAccountId = staff.AccountId,
                    ActorName = staff.Name,
                    ActorLogin = staff.Login,
                    ActorIsStaff = true,
                    Action = action,
                    EntityType = record.Metadata.ClrType.Name,
                    EntityKey = RecordChanges.KeyOf(record),
                    Summary = names.Describe(record, action),
                    Changes = JournalValues.Serialize(changes),
                });
            }
        }
        foreach (var record in validations)
        {
            Write(db, record, await JournalEvents.ValidationAsync(db, (BasketValidation)record.Entity, now, queries));
        }
    }

    private void Write(FamilyPortalDbContext db, EntityEntry record, JournalEntry journal)
    {
        if (journal.Summary.Length > MaxSummaryLength)
        {
            journal.Summary = journal.Summary[..(MaxSummaryLength - 1)] + "…";
        }
        db.Add(journal);
        _written.Add(journal);
        if (journal.EntityKey is null)
        {
            _keysToFill.Add(new KeyToFill(journal, record));
        }
    }

    private async Task<JournalActor> StaffAsync(FamilyPortalDbContext db, IJournalQueries queries)
    {
        var account = (await queries.ListAsync(db.Users.AsNoTracking().Where(u => u.Id == current.AccountId)
            .Select(u => new { u.UserName, u.FirstName, u.LastName }))).FirstOrDefault();
        var name = account is null ? "" : $"{account.FirstName} {account.LastName}".Trim();
        name = name.Length > 0 ? name : account?.UserName ?? "Personnel";
        return new JournalActor(current.AccountId, current.IsStaff ? name : $"{name} (opérateur de la plateforme)", account?.UserName);
    }

    private static bool IsJournalled(EntityEntry record, int municipalityId) => record.Entity switch
    {
        _ when JournalSecrets.IsIgnored(record.Metadata.ClrType) => false,
        BasketValidation => false,
        ITenantOwned => true,
        PortalAccount account => account.StaffMunicipalityId == municipalityId
            || record.Property(nameof(PortalAccount.StaffMunicipalityId)).OriginalValue as int? == municipalityId,
        _ => false,
    };
}
