using System.Text.Encodings.Web;
using System.Text.Unicode;
using FamilyPortal.Web.Infrastructure.Captcha;
using FamilyPortal.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;

namespace FamilyPortal.Web.Infrastructure;

public static class WebRegistration
{
    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Before MVC's default: accented letters written as they are (« réservable », not « r&#xE9;servable »), a
        // lighter page to send and to encode; markup characters are always encoded.
        services.Replace(ServiceDescriptor.Singleton(HtmlEncoder.Create(UnicodeRanges.All)));
        services.AddPortalAuthorization();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.Add(new StaffPagesConvention());
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<HandlerRequiredFilter>();
                o.Filters.Add<ControlCharacterFilter>();
                FrenchModelBinding.Apply(o.ModelBindingMessageProvider);
            });
        services.AddHealthChecks()
            .AddDbContextCheck<FamilyPortalDbContext>("database")
            .AddCheck<Email.OutboxBacklogHealthCheck>("outbox");
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("App:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        // A year, as browsers' preload lists ask; sub-domains are the town halls' own business.
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SensitiveData>();
        services.AddPortalRateLimiting();
        services.AddMemoryCache();
        services.AddPortalObservability(configuration);
        services.AddScoped<ReferenceData.ReferenceDataVersion>();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        return services;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseServerTiming();
        app.UseForwardedHeaders();
        // First, so that every answer carries them: the redirection to HTTPS and the error pages too.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Erreur");
        }
        if (HttpsPolicy.IsRequired(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/Erreur", "?code={0}");
        app.UseResponseCompression();
        // The host's own logger: the static Serilog logger is not used (see LoggingRegistration).
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        // Inside the request log (which then shows the 503) and around everything that reads the database.
        app.UseDatabaseUnavailablePage();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticFileCaching.Apply });
        app.UseRouting();
        app.UseAuthentication();
        app.UseRememberedDevices();
        app.UseCurrentMunicipality();
        app.UseAuthorization();
        app.UsePortalRateLimits();
        app.MapPortalMetrics();
        app.MapHealthChecks("/health");
        app.MapCaptcha().RequireRateLimiting(RateLimiting.Captcha);
        app.MapPaymentEndpoints();
        app.MapRazorPages();
        return app;
    }
}
