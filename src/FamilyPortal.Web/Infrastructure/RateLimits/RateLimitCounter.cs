namespace FamilyPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// The requests of one client under one policy during one fixed window, counted for every portal server.
/// The client's key (its address or account) is kept only as a hash.
/// </summary>
public sealed class RateLimitCounter
{
    public required string Policy { get; set; }

    /// <summary>SHA-256 of the partition key (an address, a network or an account), in hexadecimal.</summary>
    public required string PartitionHash { get; set; }

    /// <summary>Start of the window in seconds since 1970 (UTC); windows are aligned on multiples of their length.</summary>
    public long WindowStart { get; set; }

    /// <summary>End of the window, in the same unit: the row is useless afterwards and purged.</summary>
    public long WindowEnd { get; set; }

    public int Count { get; set; }
}
