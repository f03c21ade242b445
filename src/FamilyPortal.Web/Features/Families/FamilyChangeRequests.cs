using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// A parent's change to the family file: becomes (or updates) the section's pending demande de modification,
/// or applies at once when it only touches phone numbers and emails and the collectivité allows it.
/// </summary>
public sealed class FamilyChangeRequests(
    FamilyPortalDbContext db, ChangePayloads payloads, FamilyFileChanges apply, FileJournal journal,
    CurrentMunicipality current, TimeProvider time)
{
    public enum Outcome
    {
        Unchanged,
        Requested,
        Withdrawn,
        Applied,
    }

    public Task<List<ChangeRequest>> PendingAsync(int familyId, CancellationToken ct) =>
        db.ChangeRequests.AsNoTracking().Where(r => r.FamilyId == familyId && r.Status == ChangeRequestStatus.Pending).ToListAsync(ct);

    /// <summary>The values a parent sees: the pending request's after, or the stored ones.</summary>
    public T Shown<T>(IEnumerable<ChangeRequest> pending, ChangeSection section, int? childId, T stored)
    {
        var request = pending.FirstOrDefault(r => r.Section == section && r.ChildId == childId);
        return request is null ? stored : payloads.Read<T>(request).After;
    }

    public async Task<Outcome> SubmitFamilyAsync(Family family, FamilyFileValues after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(family);
        var stored = FamilyFileReader.ValuesOf(family);
        var atOnce = await AtOnceAllowedAsync(ct);
        return await SubmitAsync(family.Id, null, ChangeSection.Family, stored, after, FamilyFileValues.Differences,
            atOnce ? changes => FamilyFileValues.OnlyPhonesAndEmails(changes) : null,
            async changes =>
            {
                FamilyFileChanges.ApplyFamily(family, after);
                family.Version++;
                await journal.ParentChangeAsync(nameof(Family), family.Id, $"Famille {family.HouseholdName} : coordonnées modifiées par la famille", changes, ct);
            }, ct);
    }

    public async Task<Outcome> SubmitContactsAsync(Family family, List<ContactValues> stored, List<ContactValues> after, IReadOnlyDictionary<int, string> childNames, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(family);
        var atOnce = await AtOnceAllowedAsync(ct);
        return await SubmitAsync(family.Id, null, ChangeSection.Contacts, stored, after,
            (b, a) => ContactValues.Differences(b, a, childNames),
            atOnce ? _ => OnlyPhones(stored, after) : null,
            async changes =>
            {
                await apply.ApplyContactsAsync(family, after, ct);
                await journal.ParentChangeAsync(nameof(FamilyContact), family.Id, $"Famille {family.HouseholdName} : téléphones des contacts modifiés par la famille", changes, ct);
            }, ct);
    }

    public Task<Outcome> SubmitHealthAsync(Child child, HealthSheet stored, HealthSheet after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        return SubmitAsync(child.FamilyId, child.Id, ChangeSection.Health, stored, after, HealthSheetFields.Differences, null, null, ct);
    }

    private async Task<Outcome> SubmitAsync<T>(int familyId, int? childId, ChangeSection section, T stored, T after,
        Func<T, T, IReadOnlyList<FieldChange>> differences, Func<IReadOnlyList<FieldChange>, bool>? atOnce,
        Func<IReadOnlyList<FieldChange>, Task>? applyAtOnce, CancellationToken ct)
    {
        var pending = await db.ChangeRequests.SingleOrDefaultAsync(r => r.FamilyId == familyId && r.ChildId == childId
            && r.Section == section && r.Status == ChangeRequestStatus.Pending, ct);
        var before = pending is null ? stored : payloads.Read<T>(pending).Before;
        var changes = differences(before, after);
        Outcome outcome;
        if (changes.Count == 0)
        {
            if (pending is null)
            {
                return Outcome.Unchanged;
            }
            db.ChangeRequests.Remove(pending);
            outcome = Outcome.Withdrawn;
        }
        else if (pending is null && atOnce?.Invoke(changes) == true && applyAtOnce is not null)
        {
            await applyAtOnce(changes);
            outcome = Outcome.Applied;
        }
        else
        {
            if (pending is null)
            {
                pending = new ChangeRequest
                {
                    MunicipalityId = current.Id!.Value,
                    FamilyId = familyId,
                    ChildId = childId,
                    Section = section,
                    FieldsSummary = "",
                    Status = ChangeRequestStatus.Pending,
                };
                db.ChangeRequests.Add(pending);
            }
            pending.RequestedByAccountId = current.AccountId;
            pending.RequestedAtUtc = time.GetUtcNow().UtcDateTime;
            var summary = string.Join(", ", changes.Select(c => c.Label).Distinct());
            pending.FieldsSummary = summary.Length > 500 ? summary[..499] + "…" : summary;
            payloads.Write(pending, new ChangePayload<T>(before, after));
            outcome = Outcome.Requested;
        }
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    private Task<bool> AtOnceAllowedAsync(CancellationToken ct) =>
        db.Municipalities.Where(m => m.Id == current.Id).Select(m => m.ContactChangesApplyAtOnce).SingleAsync(ct);

    private static bool OnlyPhones(List<ContactValues> before, List<ContactValues> after) =>
        before.Count == after.Count
        && after.All(a => before.FirstOrDefault(b => b.Id == a.Id) is { } b && a with { Phone = b.Phone } == b with { ChildIds = a.ChildIds }
            && a.ChildIds.SequenceEqual(b.ChildIds));
}
