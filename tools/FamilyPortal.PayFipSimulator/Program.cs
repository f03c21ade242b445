

namespace FamilyPortal.PayFipSimulator;

/// <summary>
/// Endpoints: the SOAP service at <c>/tpa/services/securite</c>, the payer's page at <c>/tpa/paiementws.web</c>,
/// and for the tests <c>/simulateur/operations/{idOp}/resultat</c>, which records a result (optionally with
/// another amount, optionally without notifying) as if a payer had chosen it.
/// </summary>
public static class SimulatorProgram
{
    private static readonly HttpClient Notifier = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OperationStore>();
        builder.Services.AddSingleton<PaymentService>();
        var app = builder.Build();

        app.MapGet("/health", () => "ok");
        app.MapPost("/tpa/services/securite", async (HttpRequest request, PaymentService service) =>
        {
            using var reader = new StreamReader(request.Body);
            var call = Soap.ReadCall(await reader.ReadToEndAsync());
            var envelope = call is { } c ? service.Handle(c.Operation, c.Fields) : Soap.Fault("P0", "Requête SOAP illisible");
            var isFault = envelope.Contains(":Fault>", StringComparison.Ordinal);
            return Results.Text(envelope, "text/xml; charset=utf-8", statusCode: isFault ? 500 : 200);
        });
        app.MapGet("/tpa/paiementws.web", (string? idop, OperationStore store) =>
            store.Find(idop) is { } operation
                ? Html(operation.ResulTrans is null ? PaymentPage.Choose(operation) : PaymentPage.Message("Ce paiement est déjà terminé."))
                : Html(PaymentPage.Message("Paiement inconnu."), 404));
        app.MapPost("/tpa/paiementws.web/choix", async (HttpRequest request, OperationStore store, PaymentService service) =>
        {
            var form = await request.ReadFormAsync();
            if (store.Find(form["idop"]) is not { } operation || form["resultat"].ToString() is not ("P" or "R" or "A"))
            {
                return Html(PaymentPage.Message("Paiement inconnu."), 404);
            }
            if (store.Choose(operation, form["resultat"].ToString(), null, service.Now))
            {
                await NotifyAsync(operation);
            }
            return Html(PaymentPage.Return(operation));
        }).DisableAntiforgery();
        app.MapPost("/simulateur/operations/{idOp}/resultat", async (string idOp, string resultat, long? montant, bool? notifier, OperationStore store, PaymentService service) =>
        {
            if (store.Find(idOp) is not { } operation)
            {
                return Results.NotFound();
            }
            if (resultat is not ("P" or "R" or "A") || !store.Choose(operation, resultat, montant, service.Now))
            {
                return Results.Conflict();
            }
            if (notifier ?? true)
            {
                await NotifyAsync(operation);
            }
            return Results.NoContent();
        });
        app.MapPost("/simulateur/operations/{idOp}/notification", async (string idOp, OperationStore store) =>
        {
            if (store.Find(idOp) is not { } operation)
            {
                return Results.NotFound();
            }
            return Results.Ok(await NotifyAsync(operation));
        });
        app.Run();
    }

    /// <summary>Tells the collectivité's site, server to server, that the operation has a result; returns the status it answered.</summary>
    private static async Task<int> NotifyAsync(Operation operation)
    {
        try
        {
            using var content = new FormUrlEncodedContent([new("idOp", operation.IdOp)]);
            using var response = await Notifier.PostAsync(new Uri(operation.UrlNotif), content);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    private static IResult Html(string html, int status = 200) =>
        Results.Text(html, "text/html; charset=utf-8", statusCode: status);

}
