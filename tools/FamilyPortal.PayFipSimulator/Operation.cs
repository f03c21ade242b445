namespace FamilyPortal.PayFipSimulator;

/// <summary>One payment created by <c>creerPaiementSecurise</c>, and its result once the payer has chosen.</summary>
public sealed class Operation
{
    public required string IdOp { get; init; }
    public required string NumCli { get; init; }
    public required string Exer { get; init; }
    public required string RefDet { get; init; }
    public required string Objet { get; init; }
    public required long Montant { get; init; }
    public required string Mel { get; init; }
    public required string Saisie { get; init; }
    public required string UrlNotif { get; init; }
    public required string UrlRedirect { get; init; }

    /// <summary>P paid, R refused, A abandoned; null while the payer has not chosen.</summary>
    public string? ResulTrans { get; set; }

    /// <summary>The amount the service reports: the created one unless a test asks for another.</summary>
    public long? MontantRapporte { get; set; }
    public string NumAuto { get; set; } = "";
    public DateTimeOffset? ChosenAt { get; set; }
}
