using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// Staff accept or refuse a demande de modification. Accepting writes the new values in the same transaction
/// as the decision and the parent's email; if the fields changed since the parent's request, or change while it
/// is applied (the records' versions), nothing is written and the request stays pending.
/// </summary>
public sealed class ChangeRequestDecisions(
    FamilyPortalDbContext db, ChangePayloads payloads, FamilyFileReader reader, FamilyFileChanges apply, EmailOutbox outbox, PublicLinks links,
    CurrentMunicipality current, TimeProvider time)
{
    public const string ChangedMeanwhile = "Le dossier a été modifié entre-temps : la demande n'a pas été appliquée. Refusez-la en indiquant le motif à la famille, qui pourra la refaire.";
    public const string AlreadyDecided = "Cette demande a déjà été traitée entre-temps.";
    public const string ReasonRequired = "Indiquez le motif du refus (500 caractères au plus) : il est envoyé à la famille.";

    /// <summary>Null when done, else the French reason it was not.</summary>
    public async Task<string?> AcceptAsync(ChangeRequest request, int seenVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != ChangeRequestStatus.Pending || request.Version != seenVersion)
        {
            return AlreadyDecided;
        }
        var family = await db.Families.Include(f => f.Adults).Include(f => f.Children).SingleAsync(f => f.Id == request.FamilyId, ct);
        var previousAddress = family.Email;
        var unchanged = request.Section switch
        {
            ChangeSection.Family => await AcceptFamilyAsync(request, family),
            ChangeSection.Contacts => await AcceptContactsAsync(request, family, ct),
            _ => await AcceptHealthAsync(request, family, ct),
        };
        if (!unchanged)
        {
            return ChangedMeanwhile;
        }
        Decide(request, seenVersion, ChangeRequestStatus.Accepted, null);
        await NotifyAsync(request, family, accepted: true, ct);
        if (!string.Equals(previousAddress, family.Email, StringComparison.OrdinalIgnoreCase))
        {
            await NotifyPreviousAddressAsync(family, previousAddress, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChangedMeanwhile;
        }
    }

    public async Task<string?> RefuseAsync(ChangeRequest request, int seenVersion, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != ChangeRequestStatus.Pending || request.Version != seenVersion)
        {
            return AlreadyDecided;
        }
        var family = await db.Families.Include(f => f.Children).SingleAsync(f => f.Id == request.FamilyId, ct);
        Decide(request, seenVersion, ChangeRequestStatus.Refused, reason);
        await NotifyAsync(request, family, accepted: false, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AlreadyDecided;
        }
    }

    private Task<bool> AcceptFamilyAsync(ChangeRequest request, Family family)
    {
        var values = payloads.Read<FamilyFileValues>(request);
        var now = FamilyFileReader.ValuesOf(family);
        var changed = FamilyFileValues.Differences(values.Before, values.After).Select(c => c.Field).ToHashSet();
        // Only the fields the parent changed must still hold what the parent saw.
        if (FamilyFileValues.Differences(values.Before, now).Any(c => changed.Contains(c.Field)))
        {
            return Task.FromResult(false);
        }
        db.SaveOnlyOverVersion(family, family.Version);
        var merged = now with
        {
            AddressLine = Pick(changed, nameof(FamilyFileValues.AddressLine), now.AddressLine, values.After.AddressLine),
            PostalCode = Pick(changed, nameof(FamilyFileValues.PostalCode), now.PostalCode, values.After.PostalCode),
            City = Pick(changed, nameof(FamilyFileValues.City), now.City, values.After.City),
            AllowanceBody = Pick(changed, nameof(FamilyFileValues.AllowanceBody), now.AllowanceBody, values.After.AllowanceBody),
            AllowanceNumber = Pick(changed, nameof(FamilyFileValues.AllowanceNumber), now.AllowanceNumber, values.After.AllowanceNumber),
            Situation = Pick(changed, nameof(FamilyFileValues.Situation), now.Situation, values.After.Situation),
            Phone = Pick(changed, nameof(FamilyFileValues.Phone), now.Phone, values.After.Phone),
            Email = Pick(changed, nameof(FamilyFileValues.Email), now.Email, values.After.Email),
            Adults = now.Adults.Select(a => values.After.Adults.FirstOrDefault(n => n.Id == a.Id) is { } asked
                ? a with
                {
                    Email = Pick(changed, $"Adults[{a.Id}].Email", a.Email, asked.Email),
                    MobilePhone = Pick(changed, $"Adults[{a.Id}].MobilePhone", a.MobilePhone, asked.MobilePhone),
                    HomePhone = Pick(changed, $"Adults[{a.Id}].HomePhone", a.HomePhone, asked.HomePhone),
                    WorkPhone = Pick(changed, $"Adults[{a.Id}].WorkPhone", a.WorkPhone, asked.WorkPhone),
                }
                : a).ToList(),
        };
        FamilyFileChanges.ApplyFamily(family, merged);
        return Task.FromResult(true);
    }

    private async Task<bool> AcceptContactsAsync(ChangeRequest request, Family family, CancellationToken ct)
    {
        var values = payloads.Read<List<ContactValues>>(request);
        var now = await reader.ContactsAsync(family.Id, ct);
        if (ContactValues.Differences(values.Before, now, new Dictionary<int, string>()).Count > 0)
        {
            return false;
        }
        // The family's version guards the contacts: a concurrent change of them raises it too.
        db.SaveOnlyOverVersion(family, family.Version);
        await apply.ApplyContactsAsync(family, values.After, ct);
        return true;
    }

    private async Task<bool> AcceptHealthAsync(ChangeRequest request, Family family, CancellationToken ct)
    {
        var values = payloads.Read<HealthSheet>(request);
        var child = family.Children.SingleOrDefault(c => c.Id == request.ChildId);
        if (child is null)
        {
            return false;
        }
        var record = await db.HealthRecords.AsNoTracking().SingleOrDefaultAsync(h => h.ChildId == child.Id, ct);
        var now = record is null ? HealthSheet.Empty : payloads.OpenSheet(record.SealedSheet);
        if (now != values.Before)
        {
            return false;
        }
        await apply.ApplyHealthAsync(child, values.After, ct);
        return true;
    }

    private static string? Pick(HashSet<string> changed, string field, string? now, string? asked) => changed.Contains(field) ? asked : now;

    private void Decide(ChangeRequest request, int seenVersion, ChangeRequestStatus status, string? reason)
    {
        db.SaveOnlyOverVersion(request, seenVersion);
        request.Status = status;
        request.Reason = reason;
        request.DecidedByAccountId = current.AccountId;
        request.DecidedByName = current.Name;
        request.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
    }

    // The code d'adhésion and the invoices now go elsewhere: the address that received them until now is told, so
    // that a family whose parent account was misused learns it and can call the town hall.
    private async Task NotifyPreviousAddressAsync(Family family, string previousAddress, CancellationToken ct)
    {
        var municipality = await db.Municipalities.Where(m => m.Id == family.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = previousAddress,
            ToName = family.HouseholdName,
            Subject = $"Adresse email de votre famille modifiée – {municipality}",
            Paragraphs =
            [
                $"À la demande d'un parent, {municipality} a remplacé l'adresse email de votre famille par {family.Email}.",
                "Les prochains messages de la mairie (code d'adhésion, factures, relances) seront envoyés à cette adresse.",
                "Si personne de votre famille n'a fait cette demande, contactez la mairie sans attendre.",
            ],
            Action = new EmailLink("Voir mon dossier famille", links.Absolute("/mon-dossier")),
            MunicipalityId = family.MunicipalityId,
            MunicipalityName = municipality,
        });
    }

    private async Task NotifyAsync(ChangeRequest request, Family family, bool accepted, CancellationToken ct)
    {
        var address = await db.Users.Where(u => u.Id == request.RequestedByAccountId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? family.Email;
        var child = family.Children.FirstOrDefault(c => c.Id == request.ChildId)?.FullName;
        var section = ChangePayloads.SectionLabel(request.Section, child);
        var municipality = await db.Municipalities.Where(m => m.Id == family.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = address,
            ToName = family.HouseholdName,
            Subject = accepted ? $"Votre demande de modification est acceptée – {municipality}" : $"Votre demande de modification est refusée – {municipality}",
            Paragraphs = accepted
                ? [$"{municipality} a accepté la modification de votre dossier famille ({section} : {request.FieldsSummary}).", "Votre dossier est à jour."]
                : [$"{municipality} n'a pas accepté la modification de votre dossier famille ({section} : {request.FieldsSummary}).", $"Motif : {request.Reason}", "Vous pouvez corriger votre dossier et refaire la demande."],
            Action = new EmailLink("Voir mon dossier famille", links.Absolute("/mon-dossier")),
            MunicipalityId = family.MunicipalityId,
            MunicipalityName = municipality,
        });
    }
}
