namespace FamilyPortal.Web.Features.Payments;

/// <summary>
/// The addresses the payment service calls. Neither trusts what it receives beyond the operation id: the result is
/// asked of the service. They are exempt from anti-forgery because the service, not a page of ours, posts to them.
/// </summary>
public static class PaymentEndpoints
{
    public const string NotificationPath = "/paiement-en-ligne/notification";
    public const string ReturnPath = "/paiement-en-ligne/retour";

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(NotificationPath, async (HttpRequest request, OnlinePaymentOutcome outcome, CancellationToken ct) =>
        {
            var id = await OperationIdAsync(request, ct);
            return id is not null && await outcome.RecordAsync(id, ct) is not null ? Results.Ok() : Results.NotFound();
        }).DisableAntiforgery().AllowAnonymous();
        endpoints.MapMethods(ReturnPath, ["GET", "POST"], async (HttpRequest request, OnlinePaymentOutcome outcome, CancellationToken ct) =>
        {
            var id = await OperationIdAsync(request, ct);
            var payment = id is null ? null : await outcome.RecordAsync(id, ct);
            // Seen after: the parent's page, which shows the truth to the family's accounts only.
            return payment is null ? Results.Redirect("/factures") : Results.Redirect($"/factures/paiement/{payment.Id}", permanent: false, preserveMethod: false);
        }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }

    private static async Task<string?> OperationIdAsync(HttpRequest request, CancellationToken ct)
    {
        string? id = request.Query["idOp"].FirstOrDefault() ?? request.Query["idop"].FirstOrDefault();
        if (id is null && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            id = form["idOp"].FirstOrDefault() ?? form["idop"].FirstOrDefault();
        }
        return id is { Length: > 0 and <= 100 } ? id : null;
    }
}
