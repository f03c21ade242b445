using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FamilyPortal.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry: the portal's metrics with those of ASP.NET Core, EF Core and the runtime, read by Prometheus
/// at <see cref="MetricsAccess.Path"/> and, when <c>OpenTelemetry:Endpoint</c> is set, exported over OTLP
/// with the traces of requests and database commands.
/// </summary>
public static class ObservabilityRegistration
{
    public static IServiceCollection AddPortalObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxGauges>();
        services.AddSingleton<PortalMetrics>();
        services.AddSingleton<MetricsAccess>();
        var endpoint = configuration["OpenTelemetry:Endpoint"];
        var protocol = string.Equals(configuration["OpenTelemetry:Protocol"], "HttpProtobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        void Otlp(OtlpExporterOptions o)
        {
            o.Endpoint = new Uri(endpoint!);
            o.Protocol = protocol;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OpenTelemetry:ServiceName"] ?? "familyportal", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PortalMetrics.MeterName, "Microsoft.EntityFrameworkCore")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    metrics.AddOtlpExporter(Otlp);
                }
            });
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsAccess.Path))
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(Otlp));
        }
        return services;
    }

    /// <summary>The scrape endpoint, behind its access rule. After routing.</summary>
    public static WebApplication MapPortalMetrics(this WebApplication app)
    {
        app.UseMiddleware<MetricsAccessMiddleware>();
        app.MapPrometheusScrapingEndpoint(MetricsAccess.Path);
        return app;
    }
}
