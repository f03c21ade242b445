namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>
/// A SEPA direct-debit mandate a family gave the collectivité. The IBAN is personal data: it is kept sealed and
/// only its masked form is stored in clear (pages, journal).
/// </summary>
public class DebitMandate : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    /// <summary>The RUM, unique in the collectivité.</summary>
    public required string Reference { get; set; }
    public required string AccountHolder { get; set; }
    /// <summary>The IBAN, sealed with the key ring.</summary>
    public required byte[] SealedIban { get; set; }
    /// <summary>« FR76 **** **** 1234 ».</summary>
    public required string MaskedIban { get; set; }
    public required string Bic { get; set; }
    public DateOnly SignedOn { get; set; }
    /// <summary>Signed online by a parent, or entered by staff from the signed paper.</summary>
    public MandateSource Source { get; set; }
    public string? CreatedByAccountId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public MandateStatus Status { get; set; } = MandateStatus.Active;
    /// <summary>A first collection (FRST) went out under this mandate: the next ones are recurrent (RCUR).</summary>
    public bool FirstDebitDone { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedByAccountId { get; set; }
}

public enum MandateStatus
{
    Active = 1,
    Revoked = 2,
}

public enum MandateSource
{
    Parent = 1,
    Staff = 2,
}

public static class MandateLabels
{
    public static string Label(this MandateStatus status) => status == MandateStatus.Active ? "Actif" : "Révoqué";

    public static string Label(this MandateSource source) => source == MandateSource.Parent ? "signé en ligne" : "saisi par la mairie (mandat papier)";
}
