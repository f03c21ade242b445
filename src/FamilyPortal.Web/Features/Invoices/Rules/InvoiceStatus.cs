namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>Where an invoice stands, from its total, its credit notes and the payments received.</summary>
public enum InvoiceStatus
{
    ToPay = 0,
    PartiallyPaid = 1,
    Paid = 2,
    /// <summary>Wholly cancelled by credit notes, nothing paid.</summary>
    Cancelled = 3,
}

public static class InvoiceStatuses
{
    public static InvoiceStatus Of(decimal total, decimal credited, decimal paid)
    {
        var due = total - credited;
        if (due <= 0 && paid == 0)
        {
            return InvoiceStatus.Cancelled;
        }
        if (paid >= due)
        {
            return InvoiceStatus.Paid;
        }
        return paid > 0 ? InvoiceStatus.PartiallyPaid : InvoiceStatus.ToPay;
    }

    /// <summary>What is left to pay, never below zero.</summary>
    public static decimal Remaining(decimal total, decimal credited, decimal paid) => Math.Max(0, total - credited - paid);

    /// <summary>The words of the parents' guide.</summary>
    public static string Label(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.ToPay => "à payer",
        InvoiceStatus.PartiallyPaid => "partiellement payée",
        InvoiceStatus.Paid => "payée",
        InvoiceStatus.Cancelled => "annulée par avoir",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
