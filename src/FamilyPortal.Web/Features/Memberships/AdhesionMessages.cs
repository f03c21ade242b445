namespace FamilyPortal.Web.Features.Memberships;

/// <summary>What the parent reads when a code d'adhésion is not accepted.</summary>
public static class AdhesionMessages
{
    public static string For(JoinOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            JoinStatus.Missing => "Saisissez votre code d'adhésion.",
            JoinStatus.Malformed => "Le code d'adhésion comporte 10 lettres et chiffres, par exemple WKMLY75KOA. Vérifiez votre saisie.",
            JoinStatus.Unknown => "Ce code d'adhésion est inconnu. Vérifiez-le dans l'email de votre collectivité ou sur le courrier qu'elle vous a remis.",
            JoinStatus.Revoked => "Ce code d'adhésion a été désactivé par la collectivité. Contactez votre mairie pour obtenir un nouveau code.",
            JoinStatus.AlreadyLinked => $"Votre compte est déjà rattaché à cette famille de la collectivité {outcome.MunicipalityName}.",
            JoinStatus.OtherFamilyOfMunicipality =>
                $"Votre compte est déjà rattaché à une autre famille de la collectivité {outcome.MunicipalityName} : un compte ne suit qu'un dossier famille par collectivité. Contactez votre mairie.",
            JoinStatus.FamilyFull =>
                "Ce dossier famille est déjà rattaché au nombre maximal de comptes autorisé par la collectivité. Pour y ajouter le vôtre, contactez votre mairie.",
            JoinStatus.TooManyAttempts =>
                $"Trop de codes erronés ont été saisis. Par sécurité, les nouvelles tentatives sont refusées pendant une heure : réessayez dans {Minutes(outcome.MinutesToWait)}.",
            JoinStatus.StaffAccount => "Un compte d'agent de mairie ne peut pas adhérer à une famille : utilisez un compte personnel.",
            JoinStatus.OperatorAccount => "Le compte de l'opérateur de la plateforme ne peut pas adhérer à une famille : utilisez un compte personnel.",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "Not a refusal."),
        };
    }

    private static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";
}
