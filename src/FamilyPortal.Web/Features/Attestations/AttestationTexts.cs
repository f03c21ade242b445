namespace FamilyPortal.Web.Features.Attestations;

/// <summary>The sentences of an attestation, shared by its page and its PDF.</summary>
public static class AttestationTexts
{
    public const string TaxNotice = "Sommes effectivement payées au cours de l'année civile pour l'accueil de l'enfant, d'après les paiements reçus par la collectivité (un paiement partiel d'une facture est réparti au prorata de ses lignes). Les frais de repas (restauration scolaire) en sont exclus. À reporter sur la déclaration de revenus, rubrique « frais de garde des enfants de moins de 6 ans ».";

    public static string Title(AttestationKind kind) => kind switch
    {
        AttestationKind.Tax => "Attestation fiscale",
        AttestationKind.Presence => "Attestation de présence",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Period(Attestation attestation)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        return attestation.Kind == AttestationKind.Tax
            ? $"année {attestation.PeriodStart.Year}"
            : $"du {FrenchDates.Numeric(attestation.PeriodStart)} au {FrenchDates.Numeric(attestation.PeriodEnd)}";
    }

    public static string Days(int days) => days == 1 ? "1 jour" : $"{days} jours";

    public static string Statement(Attestation attestation)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        var signatory = attestation.SignatoryName is { } name
            ? $"Je soussigné(e) {name}{(attestation.SignatoryTitle is { } title ? ", " + title : "")}, atteste"
            : $"{attestation.MunicipalityName} atteste";
        var born = attestation.ChildBirthDate is { } birth ? $", né(e) le {FrenchDates.Numeric(birth)}," : "";
        return attestation.Kind == AttestationKind.Tax
            ? $"{signatory} que la famille {attestation.HouseholdName} ({attestation.Parents}) a payé en {attestation.PeriodStart.Year} à {attestation.MunicipalityName} la somme de {Money.Format(attestation.Amount ?? 0)} pour la garde de l'enfant {attestation.ChildName}{born} détaillée ci-dessous."
            : $"{signatory} que l'enfant {attestation.ChildName}{born} de la famille {attestation.HouseholdName} ({attestation.Parents}), était inscrit(e) {Period(attestation)} aux prestations suivantes de {attestation.MunicipalityName}, pour les journées ci-dessous (réservations non annulées).";
    }
}
