using System.Globalization;

namespace FamilyPortal.Web.Features.Memberships;

/// <summary>The two emails of an adhésion, put in the outbox of the adhésion's own transaction.</summary>
public sealed class AdhesionEmails(EmailOutbox outbox, PublicLinks links)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>To the account: it can now act for the collectivité. Waits for a confirmed address.</summary>
    public void Joined(PortalAccount account, int municipalityId, string municipalityName, string householdName) =>
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = account.Email!,
            ToName = $"{account.FirstName} {account.LastName}",
            Subject = $"Adhésion effectuée – {municipalityName}",
            Greeting = AccountEmails.Greeting(account),
            Paragraphs =
            [
                "Adhésion effectuée.",
                $"Votre compte {account.UserName} est désormais rattaché au foyer {householdName} de la collectivité {municipalityName}.",
                "Vous pouvez réaliser vos démarches sur l'espace famille pour cette collectivité : réservations, panier, factures et actualités.",
            ],
            Action = new EmailLink("Mes réservations", links.Absolute("/reservations")),
            MunicipalityId = municipalityId,
            MunicipalityName = municipalityName,
            AwaitsConfirmationOf = account.EmailConfirmed ? null : account.Id,
        });

    /// <summary>
    /// To the address the collectivité registered for the family, at once: a parent learns if someone else
    /// used their code. The login is not shown, only the name given on the account.
    /// </summary>
    public void NewAccountLinked(PortalAccount account, string familyEmail, int municipalityId, string municipalityName,
        string householdName, DateTimeOffset at) =>
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = familyEmail,
            ToName = householdName,
            Subject = $"Un compte a été rattaché à votre dossier famille – {municipalityName}",
            Paragraphs =
            [
                $"Le {ParisClock.ToParis(at).ToString("dd/MM/yyyy 'à' HH:mm", French)}, un compte au nom de {account.FirstName} {account.LastName} " +
                $"a été rattaché au foyer {householdName} avec votre code d'adhésion.",
                "Ce compte peut désormais consulter les enfants du foyer, réserver et voir les factures.",
                "Si vous ne connaissez pas cette personne, contactez votre mairie sans attendre : elle retirera ce compte de votre dossier et vous donnera un nouveau code.",
            ],
            MunicipalityId = municipalityId,
            MunicipalityName = municipalityName,
        });
}
