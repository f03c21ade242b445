using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// The in-memory test server gives requests no client address. A test that needs one (per-address rules)
/// sends it in <see cref="Header"/>; it is set before the application's own pipeline runs.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A client whose requests come from the given address.</summary>
    public static PageClient From(PortalFactory factory, string address)
    {
        var client = PageClient.For(factory);
        client.Http.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
