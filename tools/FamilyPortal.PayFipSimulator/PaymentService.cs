using System.Globalization;
using System.Text.RegularExpressions;

namespace FamilyPortal.PayFipSimulator;

/// <summary>The two operations of the service, with the checks of the published field list.</summary>
public sealed partial class PaymentService(OperationStore store, TimeProvider time)
{
    public const long MinimumCents = 100;
    public const long MaximumCents = 9_999_999;

    public string Handle(string operation, IReadOnlyDictionary<string, string> fields) => operation switch
    {
        "creerPaiementSecurise" => Create(fields),
        "recupererDetailPaiementSecurise" => Detail(fields),
        _ => Soap.Fault("P0", "Opération inconnue"),
    };

    private string Create(IReadOnlyDictionary<string, string> fields)
    {
        string Field(string name) => fields.TryGetValue(name, out var value) ? value : "";
        if (!SixDigits().IsMatch(Field("numcli")))
        {
            return Soap.Fault("P1", "Numéro de client (numcli) invalide");
        }
        if (!FourDigits().IsMatch(Field("exer")))
        {
            return Soap.Fault("P2", "Exercice (exer) invalide");
        }
        if (!Reference().IsMatch(Field("refdet")))
        {
            return Soap.Fault("P3", "Référence de la dette (refdet) invalide");
        }
        if (!long.TryParse(Field("montant"), NumberStyles.None, CultureInfo.InvariantCulture, out var cents) || cents < MinimumCents || cents > MaximumCents)
        {
            return Soap.Fault("P4", "Montant invalide");
        }
        if (Field("saisie") is not ("T" or "X" or "W"))
        {
            return Soap.Fault("P6", "Mode de saisie invalide");
        }
        if (!Field("mel").Contains('@', StringComparison.Ordinal) || Field("mel").Length > 80)
        {
            return Soap.Fault("P7", "Adresse électronique invalide");
        }
        if (Field("objet").Length is 0 or > 100)
        {
            return Soap.Fault("P8", "Objet invalide");
        }
        if (!IsWebAddress(Field("urlnotif")) || !IsWebAddress(Field("urlredirect")))
        {
            return Soap.Fault("P9", "Adresse de notification ou de retour invalide");
        }
        var created = store.Add(id => new Operation
        {
            IdOp = id,
            NumCli = Field("numcli"),
            Exer = Field("exer"),
            RefDet = Field("refdet"),
            Objet = Field("objet"),
            Montant = cents,
            Mel = Field("mel"),
            Saisie = Field("saisie"),
            UrlNotif = Field("urlnotif"),
            UrlRedirect = Field("urlredirect"),
        });
        return Soap.Response("creerPaiementSecurise", [("idOp", created.IdOp)]);
    }

    private string Detail(IReadOnlyDictionary<string, string> fields)
    {
        var operation = store.Find(fields.GetValueOrDefault("idOp"));
        if (operation is null)
        {
            return Soap.Fault("P1", "Opération inconnue");
        }
        if (operation.ResulTrans is null || operation.ChosenAt is not { } at)
        {
            return Soap.Fault("P5", "Résultat de la transaction non connu");
        }
        var paris = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        return Soap.Response("recupererDetailPaiementSecurise",
        [
            ("dattrans", paris.ToString("ddMMyyyy", CultureInfo.InvariantCulture)),
            ("exer", operation.Exer),
            ("heurtrans", paris.ToString("HHmm", CultureInfo.InvariantCulture)),
            ("idOp", operation.IdOp),
            ("mel", operation.Mel),
            ("montant", (operation.MontantRapporte ?? operation.Montant).ToString(CultureInfo.InvariantCulture)),
            ("numauto", operation.NumAuto),
            ("numcli", operation.NumCli),
            ("objet", operation.Objet),
            ("refdet", operation.RefDet),
            ("resultrans", operation.ResulTrans),
            ("saisie", operation.Saisie),
        ]);
    }

    public DateTimeOffset Now => time.GetUtcNow();

    private static bool IsWebAddress(string text) =>
        text.Length <= 250 && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigits();

    [GeneratedRegex("^[A-Za-z0-9]{6,30}$")]
    private static partial Regex Reference();
}
