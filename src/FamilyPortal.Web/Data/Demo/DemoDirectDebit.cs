using System.Text;

namespace FamilyPortal.Web.Data.Demo;

/// <summary>
/// The demo's direct debit: the collectivité's creditor identifier and account (made-up values that pass the checks),
/// and the DUPOND family's mandate signed online, so that « Prélèvements » lists its unpaid invoice.
/// </summary>
public static class DemoDirectDebit
{
    public static readonly string CreditorIdentifier = FamilyPortal.Web.Features.DirectDebit.Rules.CreditorIdentifier.For("123456");
    public const string CreditorIban = "FR2210071540000000100012345";
    public const string CreditorBic = "TRPUFRP1";
    private const string FamilyIban = "FR7630006000011234567890189";

    public static void SetCreditor(Municipality commune)
    {
        ArgumentNullException.ThrowIfNull(commune);
        (commune.CreditorIdentifier, commune.CreditorIban, commune.CreditorBic) = (CreditorIdentifier, CreditorIban, CreditorBic);
    }

    public static void AddMandate(FamilyPortalDbContext db, SensitiveData sensitive, Municipality commune, Family family, DateTime now) =>
        db.DebitMandates.Add(new DebitMandate
        {
            MunicipalityId = commune.Id,
            FamilyId = family.Id,
            Reference = MandateReference.Create(commune.ShortName, family.Id, 1),
            AccountHolder = "Marie DUPOND",
            SealedIban = sensitive.Seal(Encoding.ASCII.GetBytes(FamilyIban)),
            MaskedIban = Iban.Mask(FamilyIban),
            Bic = "AGRIFRPP882",
            SignedOn = new DateOnly(2026, 9, 1),
            Source = MandateSource.Parent,
            CreatedAtUtc = now,
        });
}
