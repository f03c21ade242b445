using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments.Campaigns;

/// <summary>
/// The mails of a campaign d'inscription, written to the outbox in the transaction of the change: the request
/// received during the window, and after the allocation each request's result with its rank explained and the seed.
/// </summary>
public sealed class CampaignEmails(FamilyPortalDbContext db, EnrolmentEmails enrolmentEmails, EmailOutbox outbox, PublicLinks links)
{
    public Task RequestReceivedAsync(AllocationCampaign campaign, Enrolment enrolment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return SendAsync(enrolment, "Demande d'inscription enregistrée", (what, _) =>
        [
            $"Votre demande est enregistrée pour la campagne « {campaign.Name} » : {what}.",
            $"L'ordre d'arrivée des demandes ne compte pas : vous pouvez la modifier ou la retirer jusqu'au {FrenchDates.Numeric(campaign.ClosesOn)} inclus.",
            "Les places sont ensuite attribuées selon les critères de la collectivité, puis par tirage au sort ; vous recevrez le résultat par courriel.",
        ], ct);
    }

    /// <param name="waitingRank">The rank on the waiting list, or null when the request got a place.</param>
    public Task ResultAsync(AllocationCampaign campaign, Enrolment enrolment, string activityLabel, CampaignPlacement placement, int? waitingRank, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(placement);
        var accepted = waitingRank is null;
        return SendAsync(enrolment, accepted ? "Place attribuée" : "Demande en liste d'attente", (what, municipality) =>
        [
            accepted
                ? $"Une place est attribuée à votre demande : {what}. Vous pouvez réserver les jours de cette activité dans « Mes réservations »."
                : $"Toutes les places sont attribuées : votre demande est en liste d'attente, rang {waitingRank} ({what}). Dès qu'une place se libère, elle est proposée au premier de la liste.",
            $"Campagne « {campaign.Name} » : rang {placement.Rank} sur les demandes de « {activityLabel} » ({placement.Explanation}).",
            $"Le tirage au sort départage les demandes à égalité ; sa graine, {campaign.Seed}, est publiée par la mairie ({municipality}) pour que chacun puisse le vérifier.",
        ], ct);
    }

    private async Task SendAsync(Enrolment enrolment, string subject, Func<string, string, List<string>> paragraphs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var child = await db.Children.AsNoTracking().Include(c => c.Family).SingleAsync(c => c.Id == enrolment.ChildId, ct);
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == enrolment.ActivityId).Select(a => a.Label).SingleAsync(ct);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == enrolment.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var body = paragraphs($"{child.FirstName} – {activity} – {enrolment.PeriodLabel}", municipality);
        foreach (var address in await enrolmentEmails.AddressesAsync(child.FamilyId, child.Family!.Email, ct))
        {
            outbox.Enqueue(new OutgoingEmail
            {
                ToAddress = address,
                ToName = child.Family.HouseholdName,
                Subject = $"{subject} – {municipality}",
                Paragraphs = body,
                Action = new EmailLink("Voir les inscriptions", links.Absolute("/inscriptions")),
                MunicipalityId = enrolment.MunicipalityId,
                MunicipalityName = municipality,
            });
        }
    }
}
