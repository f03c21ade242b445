using System.Globalization;

namespace FamilyPortal.PayFipSimulator;

/// <summary>The page the payer is sent to: what is paid, and three buttons instead of a card form.</summary>
public static class PaymentPage
{
    public static string Choose(Operation operation) => Page("Paiement en ligne (simulateur PayFiP)", $"""
        <p>Objet : {Soap.Escape(operation.Objet)}</p>
        <p>Montant : <strong>{Euros(operation.Montant)}</strong></p>
        <p>Référence : {Soap.Escape(operation.RefDet)} — mode {Soap.Escape(operation.Saisie)}</p>
        <form method="post" action="/tpa/paiementws.web/choix">
          <input type="hidden" name="idop" value="{Soap.Escape(operation.IdOp)}">
          <button name="resultat" value="P">Payer (paiement accepté)</button>
          <button name="resultat" value="R">Carte refusée</button>
          <button name="resultat" value="A">Abandonner</button>
        </form>
        """);

    /// <summary>Back to the collectivité's site, posting the operation id as the service does.</summary>
    public static string Return(Operation operation) => Page("Retour au site de la collectivité", $"""
        <form id="retour" method="post" action="{Soap.Escape(operation.UrlRedirect)}">
          <input type="hidden" name="idOp" value="{Soap.Escape(operation.IdOp)}">
          <button>Retourner sur le site de la collectivité</button>
        </form>
        <script>document.getElementById('retour').submit();</script>
        """);

    public static string Message(string text) => Page("Simulateur PayFiP", $"<p>{Soap.Escape(text)}</p>");

    private static string Euros(long cents) =>
        (cents / 100m).ToString("N2", CultureInfo.GetCultureInfo("fr-FR")) + " €";

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title></head>
        <body><main><h1>{title}</h1>
        <p><em>Simulateur de test : aucun paiement réel n'a lieu.</em></p>
        {body}
        </main></body></html>
        """;
}
