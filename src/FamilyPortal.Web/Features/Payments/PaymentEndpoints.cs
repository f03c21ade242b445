namespace FamilyPortal.Web.Features.Payments;

/// <summary>
/// The addresses the payment service calls. Neither trusts what it receives beyond the operation id: the result is
/// asked of the service. They are exempt from anti-forgery because the service, not a page of ours, posts to them,
/// and limited per address (<see cref="RateLimiting.OnlinePayment"/>): a known id costs a call to the service.
/// </summary>
public static class PaymentEndpoints
{
    public const string NotificationPath = "/paiement-en-ligne/notification";
    public const string ReturnPath = "/paiement-en-ligne/retour";

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(NotificationPath, async (HttpRequest request, IServiceScopeFactory scopes, CancellationToken ct) =>
        {
            var id = await OperationIdAsync(request, ct);
            return id is not null && await RecordAsync(scopes, id, ct) is not null ? Results.Ok() : Results.NotFound();
        }).DisableAntiforgery().AllowAnonymous().RequireRateLimiting(RateLimiting.OnlinePayment);
        endpoints.MapMethods(ReturnPath, ["GET", "POST"], async (HttpRequest request, IServiceScopeFactory scopes, CancellationToken ct) =>
        {
            var id = await OperationIdAsync(request, ct);
            var payment = id is null ? null : await RecordAsync(scopes, id, ct);
            // Seen after: the parent's page, which shows the truth to the family's accounts only.
            return payment is null ? Results.Redirect("/factures") : Results.Redirect($"/factures/paiement/{payment.Id}", permanent: false, preserveMethod: false);
        }).DisableAntiforgery().AllowAnonymous().RequireRateLimiting(RateLimiting.OnlinePayment);
        return endpoints;
    }

    /// <summary>
    /// In a scope of its own: the payment is recorded in the collectivité that created it, whoever brings its id —
    /// the service, or a browser signed in to another collectivité (whose request already works on that one).
    /// </summary>
    private static async Task<OnlinePayment?> RecordAsync(IServiceScopeFactory scopes, string operationId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OnlinePaymentOutcome>().RecordAsync(operationId, ct);
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
