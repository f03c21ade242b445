namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>What a payment or a credit note may be for an invoice; each answer is the French message for the field.</summary>
public static class LedgerRules
{
    public static string? CheckPayment(decimal? amount, decimal remaining) =>
        amount is not { } value ? "Saisissez le montant reçu, par exemple 12,50."
        : value <= 0 ? "Le montant doit être supérieur à 0."
        : value > remaining ? $"Le montant dépasse le reste à payer ({Money.Format(remaining)})."
        : null;

    /// <param name="creditable">The invoice total less the credit notes already made.</param>
    public static string? CheckCredit(decimal? amount, decimal creditable) =>
        amount is not { } value ? "Saisissez le montant de l'avoir, par exemple 4,10."
        : value <= 0 ? "Le montant doit être supérieur à 0."
        : value > creditable ? $"L'avoir ne peut pas dépasser le montant restant de la facture ({Money.Format(creditable)})."
        : null;
}
