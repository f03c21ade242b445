namespace FamilyPortal.CrashTest;

/// <summary>
/// Counts the parents' requests as they end, and those that failed — no answer, or a 5xx from the load
/// balancer or the portal — so that each kill's cost to the parents can be told.
/// </summary>
internal sealed class RequestTally : DelegatingHandler
{
    private static long _ended;
    private static long _failed;

    public RequestTally(HttpMessageHandler inner) => InnerHandler = inner;

    public static (long Ended, long Failed) Snapshot() => (Interlocked.Read(ref _ended), Interlocked.Read(ref _failed));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                Interlocked.Increment(ref _failed);
            }
            Interlocked.Increment(ref _ended);
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.Increment(ref _ended);
            throw;
        }
    }
}
