using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace FamilyPortal.Web.Infrastructure.Observability;

/// <summary>
/// Who may read the Prometheus scrape endpoint: a client of the operator's networks
/// (<c>Metrics:AllowedNetworks</c>, loopback by default) or one that presents the configured bearer token
/// (<c>Metrics:BearerToken</c>). Anyone else gets a 404, as if there were nothing there.
/// </summary>
public sealed class MetricsAccess
{
    public const string Path = "/metrics";

    private static readonly string[] Loopback = ["127.0.0.0/8", "::1/128"];

    private readonly IPNetwork[] _networks;
    private readonly byte[]? _tokenHash;

    public MetricsAccess(IConfiguration configuration)
    {
        var networks = configuration.GetSection("Metrics:AllowedNetworks").Get<string[]>() ?? Loopback;
        _networks = networks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => IPNetwork.Parse(n.Trim())).ToArray();
        var token = configuration["Metrics:BearerToken"];
        _tokenHash = string.IsNullOrEmpty(token) ? null : Hash(token);
    }

    public bool Allows(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is not null)
        {
            address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            if (_networks.Any(n => n.Contains(address)))
            {
                return true;
            }
        }
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return _tokenHash is not null && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Hash(header[scheme.Length..].Trim()), _tokenHash);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

/// <summary>Answers 404 to a scrape from outside the operator's networks without the token.</summary>
public sealed class MetricsAccessMiddleware(RequestDelegate next, MetricsAccess access)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(MetricsAccess.Path) && !access.Allows(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
