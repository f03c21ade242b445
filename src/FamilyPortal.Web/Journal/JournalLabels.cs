namespace FamilyPortal.Web.Journal;

/// <summary>
/// The French words of the journal: what a record is (« Famille », « Réservation »), and the names of its
/// fields. A type or field missing from the maps is shown by its name in the code, so the records that
/// new pages add are journalled from the first day and only need a line here to read well.
/// </summary>
public static class JournalLabels
{
    /// <param name="Feminine">For the agreement of « créé(e) », « modifié(e) », « supprimé(e) ».</param>
    public sealed record Kind(string Label, bool Feminine);

    public static readonly IReadOnlyDictionary<string, Kind> Kinds = new Dictionary<string, Kind>
    {
        [nameof(Family)] = new("Famille", true),
        [nameof(Child)] = new("Enfant", false),
        [nameof(Membership)] = new("Adhésion", true),
        [nameof(Site)] = new("Site", false),
        [nameof(ServiceKind)] = new("Service", false),
        [nameof(Activity)] = new("Prestation", true),
        [nameof(SchoolYear)] = new("Année scolaire", true),
        [nameof(Closure)] = new("Fermeture", true),
        [nameof(CapacityOverride)] = new("Capacité d'un jour", true),
        [nameof(Booking)] = new("Réservation", true),
        [nameof(BasketValidation)] = new("Panier validé", false),
        [nameof(AttendanceMark)] = new("Pointage", false),
        [nameof(PortalAccount)] = new("Compte du personnel", false),
        [nameof(NewsItem)] = new("Actualité", true),
        ["Invoice"] = new("Facture", true),
        ["BracketPrice"] = new("Tarif par tranche", false),
        ["HealthRecord"] = new("Fiche sanitaire", true),
        ["FamilyContact"] = new("Contact de la famille", false),
        ["ChangeRequest"] = new("Demande de modification", true),
        ["FamilyFileConfirmation"] = new("Dossier famille confirmé", false),
        ["SupportingDocument"] = new("Pièce justificative", true),
        ["SupportingDocumentType"] = new("Type de pièce", false),
        ["MessageThread"] = new("Conversation", true),
        ["Message"] = new("Message", false),
        ["MessageSubject"] = new("Sujet de message", false),
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["HouseholdName"] = "Nom du foyer",
        ["DepartedOn"] = "Départ de la collectivité le",
        ["HealthDataErasedAtUtc"] = "Fiches sanitaires effacées le",
        ["Reference"] = "Référence",
        ["Email"] = "Email",
        ["Phone"] = "Téléphone",
        ["PhoneNumber"] = "Téléphone",
        ["FirstName"] = "Prénom",
        ["LastName"] = "Nom",
        ["BirthDate"] = "Date de naissance",
        ["SchoolClass"] = "Classe",
        ["SiteId"] = "Site (n°)",
        ["FamilyId"] = "Famille (n°)",
        ["ChildId"] = "Enfant (n°)",
        ["ActivityId"] = "Prestation (n°)",
        ["ServiceKindId"] = "Service (n°)",
        ["AccountId"] = "Compte",
        ["Name"] = "Nom",
        ["Prefix"] = "Préfixe",
        ["Label"] = "Libellé",
        ["Title"] = "Titre",
        ["Body"] = "Texte",
        ["PublishFromUtc"] = "Publiée à partir du",
        ["PublishUntilUtc"] = "Publiée jusqu'au",
        ["UpdatedAtUtc"] = "Modifié le",
        ["IsArchived"] = "Archivé",
        ["Capacity"] = "Places par jour",
        ["UnitPrice"] = "Prix unitaire",
        ["Days"] = "Jours de service",
        ["StartTime"] = "Heure de début",
        ["EndTime"] = "Heure de fin",
        ["SortOrder"] = "Ordre",
        ["Date"] = "Jour",
        ["StartDate"] = "Du",
        ["EndDate"] = "Au",
        ["Reason"] = "Motif",
        ["CreatedAtUtc"] = "Créé le",
        ["CreatedByAccountId"] = "Créée par (compte)",
        ["StaffReason"] = "Motif de la mairie",
        ["CancelledAtUtc"] = "Annulée le",
        ["Cancellation"] = "Annulation",
        ["CancellationJustified"] = "Annulation justifiée",
        ["CancelledByAccountId"] = "Annulée par (compte)",
        ["CancellationReason"] = "Motif de l'annulation",
        ["AdhesionCodeLookup"] = "Code d'adhésion (empreinte)",
        ["AdhesionCodeProtected"] = "Code d'adhésion (chiffré)",
        ["AdhesionCodeRevoked"] = "Code d'adhésion révoqué",
        ["UserName"] = "Identifiant",
        ["EmailConfirmed"] = "Email confirmé",
        ["PasswordHash"] = "Mot de passe",
        ["SecurityStamp"] = "Jeton de sécurité",
        ["TwoFactorEnabled"] = "Second facteur activé",
        ["LockoutEnd"] = "Verrouillé jusqu'au",
        ["LockoutEnabled"] = "Verrouillage possible",
        ["StaffMunicipalityId"] = "Collectivité (n°)",
        ["SuspendedAtUtc"] = "Suspendu depuis le",
        ["Role"] = "Rôle",
        ["BracketId"] = "Tranche (n°)",
        ["Price"] = "Prix",
        ["Rule"] = "Règlement",
        ["BookingDeadline"] = "délai de réservation",
        ["CancellationDeadline"] = "délai d'annulation",
        ["OpensAtUtc"] = "ouverture",
        ["HorizonWeeks"] = "semaines à l'avance",
        ["Kind"] = "type",
        ["WorkingDays"] = "jours ouvrés",
        ["Weekday"] = "jour",
        ["Time"] = "heure",
        ["BookedCount"] = "Réservations",
        ["CancelledCount"] = "Annulations",
        ["WaitingCount"] = "Listes d'attente",
        ["RefusedCount"] = "Refusées",
        ["Summary"] = "Détail",
        ["Subject"] = "Sujet",
        ["Status"] = "Statut",
        ["AssignedAccountId"] = "Agent chargé (compte)",
        ["Text"] = "Texte",
        ["IsInternalNote"] = "Note interne",
    };

    /// <summary>« Famille », or the type's name in the code when it has no French label yet.</summary>
    public static string LabelOf(string entityType) => Kinds.TryGetValue(entityType, out var kind) ? kind.Label : entityType;

    /// <summary>A field path as « Règlement › délai de réservation › heure ».</summary>
    public static string FieldOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return string.Join(" › ", field.Split('.').Select(part => Fields.GetValueOrDefault(part, part)));
    }

    public static string Verb(string entityType, JournalAction action)
    {
        var feminine = Kinds.TryGetValue(entityType, out var kind) ? kind.Feminine : (bool?)null;
        var stem = action switch
        {
            JournalAction.Created => "créé",
            JournalAction.Deleted => "supprimé",
            JournalAction.Viewed => "consulté",
            _ => "modifié",
        };
        return feminine switch
        {
            true => stem + "e",
            false => stem,
            null => stem + "(e)",
        };
    }

    /// <summary>A staff role as the journal writes it.</summary>
    public static string Role(string? role) => role switch
    {
        Roles.Administrator => "Administrateur",
        Roles.Agent => "Agent",
        Roles.Operator => "Opérateur",
        _ => role ?? "",
    };
}
