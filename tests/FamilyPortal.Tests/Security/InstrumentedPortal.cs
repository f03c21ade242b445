using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Security;

/// <summary>
/// The portal as production runs it, plus what only tests may have: two failing routes (an exception, a
/// 503) appended after the portal's own pipeline, a record of every Set-Cookie, and HSTS on « localhost »
/// (excluded by default so that a developer's browser does not pin it).
/// </summary>
public sealed class InstrumentedPortal : PortalFactory
{
    public const string Crash = "/essais/panne";
    public const string Unavailable = "/essais/indisponible";

    public ConcurrentQueue<string> SetCookies { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The in-memory server has no HTTPS address to tell the redirection its port: as behind a proxy on 443.
        builder.UseSetting("https_port", "443");
        builder.ConfigureServices(services =>
        {
            services.Configure<HstsOptions>(o => o.ExcludedHosts.Clear());
            services.AddSingleton<IStartupFilter>(new Instruments(SetCookies));
        });
    }

    private sealed class Instruments(ConcurrentQueue<string> setCookies) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.OnStarting(() =>
                {
                    foreach (var cookie in context.Response.Headers.SetCookie)
                    {
                        setCookies.Enqueue(cookie!);
                    }
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
            // Reached only when no endpoint of the portal answered: inside its error handling.
            app.Use((context, nextMiddleware) => context.Request.Path.Value switch
            {
                Crash => throw new InvalidOperationException("Panne provoquée par un test"),
                Unavailable => WriteStatus(context, StatusCodes.Status503ServiceUnavailable),
                _ => nextMiddleware(context),
            });
        };

        private static Task WriteStatus(HttpContext context, int status)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
    }
}
