namespace FamilyPortal.Web.Infrastructure.RateLimits;

/// <summary>What one request counts against: a policy's window for one client.</summary>
public sealed record RateLimitRule(string Policy, string PartitionKey, int PermitLimit, TimeSpan Window);

/// <summary>The answer to a request: counted, or refused until the window ends.</summary>
public readonly record struct RateLimitDecision(bool Permitted, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow => new(true, TimeSpan.Zero);
}
