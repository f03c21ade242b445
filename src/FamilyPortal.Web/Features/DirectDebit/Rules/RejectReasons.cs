using System.Collections.Frozen;

namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>The ISO 20022 reason codes a bank gives for a debit rejected or returned, with their French labels.</summary>
public static class RejectReasons
{
    public static readonly FrozenDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["AC01"] = "Numéro de compte (IBAN) incorrect",
        ["AC04"] = "Compte clôturé",
        ["AC06"] = "Compte bloqué",
        ["AG01"] = "Prélèvement interdit sur ce compte",
        ["AG02"] = "Code opération incorrect",
        ["AM04"] = "Provision insuffisante",
        ["AM05"] = "Prélèvement en double",
        ["BE05"] = "Créancier inconnu de la banque",
        ["FF01"] = "Fichier ou format invalide",
        ["MD01"] = "Pas de mandat valide",
        ["MD02"] = "Données du mandat manquantes ou incorrectes",
        ["MD06"] = "Remboursement demandé par le débiteur",
        ["MD07"] = "Débiteur décédé",
        ["MS02"] = "Refus du débiteur",
        ["MS03"] = "Raison non communiquée par la banque",
        ["RC01"] = "BIC incorrect",
        ["RR01"] = "Identification du débiteur manquante",
        ["SL01"] = "Service particulier de la banque du débiteur",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Describe(string code) => Labels.TryGetValue(code, out var label) ? $"{code} – {label}" : code;
}
