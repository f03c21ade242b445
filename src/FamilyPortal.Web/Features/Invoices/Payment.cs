namespace FamilyPortal.Web.Features.Invoices;

/// <summary>A règlement received by the town hall for an invoice.</summary>
public class Payment : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int InvoiceId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public PaymentMeans Means { get; set; }
    /// <summary>Cheque number, transfer reference…</summary>
    public string? Reference { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? RecordedByAccountId { get; set; }
}

public enum PaymentMeans
{
    Cheque = 1,
    Cash = 2,
    Transfer = 3,
    Card = 4,
    Cesu = 5,
    DirectDebit = 6,
    /// <summary>Paid online through DGFiP's PayFiP; the reference is the service's transaction number.</summary>
    PayFip = 7,
}

public static class PaymentMeansLabels
{
    public static string Label(this PaymentMeans means) => means switch
    {
        PaymentMeans.Cheque => "Chèque",
        PaymentMeans.Cash => "Espèces",
        PaymentMeans.Transfer => "Virement",
        PaymentMeans.Card => "Carte bancaire",
        PaymentMeans.Cesu => "CESU",
        PaymentMeans.DirectDebit => "Prélèvement",
        PaymentMeans.PayFip => "PayFiP",
        _ => throw new ArgumentOutOfRangeException(nameof(means)),
    };
}
