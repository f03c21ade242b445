using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// Each decision on an inscription, written to the outbox in the transaction of the decision: to the address
/// the collectivité registered for the family and to its linked accounts whose address is confirmed.
/// </summary>
public sealed class EnrolmentEmails(FamilyPortalDbContext db, EmailOutbox outbox, PublicLinks links)
{
    public async Task DecisionAsync(Enrolment enrolment, int? rank, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var child = await db.Children.AsNoTracking().Include(c => c.Family).SingleAsync(c => c.Id == enrolment.ChildId, ct);
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == enrolment.ActivityId, ct);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == enrolment.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var what = $"{child.FirstName} – {activity.Label} – {enrolment.PeriodLabel}";
        var (subject, paragraphs) = enrolment.State switch
        {
            EnrolmentState.Enrolled => ("Inscription acceptée", new List<string>
            {
                $"{child.FirstName} est inscrit(e) : {what}.",
                "Vous pouvez maintenant réserver les jours de cette activité dans « Mes réservations ».",
            }),
            EnrolmentState.Refused => ("Demande d'inscription refusée", new List<string>
            {
                $"La demande d'inscription n'a pas été acceptée : {what}.",
                $"Motif : {enrolment.RefusalReason}",
            }),
            EnrolmentState.Waiting => ("Demande d'inscription en liste d'attente", new List<string>
            {
                $"L'activité est complète : la demande est en liste d'attente, rang {rank} ({what}).",
                "Dès qu'une place se libère, elle est attribuée au premier de la liste, et vous êtes prévenu(e) par courriel.",
            }),
            EnrolmentState.Offered => ("Une place vous est proposée", new List<string>
            {
                $"Une place s'est libérée : {what}.",
                $"Acceptez-la dans « Inscriptions » avant le {When(enrolment.OfferExpiresAtUtc)} ; passé ce délai, elle sera proposée à la famille suivante.",
            }),
            EnrolmentState.Withdrawn => ("Inscription retirée", new List<string> { $"L'inscription est retirée : {what}." }),
            _ => ("Demande d'inscription reçue", new List<string>
            {
                $"Votre demande d'inscription est enregistrée : {what}.",
                "La mairie l'étudie ; vous recevrez sa décision par courriel.",
            }),
        };
        foreach (var address in await AddressesAsync(child.FamilyId, child.Family!.Email, ct))
        {
            outbox.Enqueue(new OutgoingEmail
            {
                ToAddress = address,
                ToName = child.Family.HouseholdName,
                Subject = $"{subject} – {municipality}",
                Paragraphs = paragraphs,
                Action = new EmailLink("Voir les inscriptions", links.Absolute("/inscriptions")),
                MunicipalityId = enrolment.MunicipalityId,
                MunicipalityName = municipality,
            });
        }
    }

    internal async Task<IEnumerable<string>> AddressesAsync(int familyId, string familyEmail, CancellationToken ct)
    {
        var accounts = await (from m in db.Memberships.AsNoTracking()
                              join u in db.Users on m.AccountId equals u.Id
                              where m.FamilyId == familyId && u.EmailConfirmed && u.Email != null
                              select u.Email!).ToListAsync(ct);
        return accounts.Prepend(familyEmail).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static string When(DateTime? utc)
    {
        if (utc is not { } instant)
        {
            return "";
        }
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(instant, TimeSpan.Zero), ParisClock.Zone);
        return $"{local:dd/MM/yyyy} à {local:HH\\:mm}";
    }
}
