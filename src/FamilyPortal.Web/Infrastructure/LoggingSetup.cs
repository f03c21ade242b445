using Serilog;

namespace FamilyPortal.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog, structured, to the console and a rolling file (configurable under « Serilog »).
    /// Other logger providers still receive events, so tests can capture them.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists())
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                    .WriteTo.File(Path.Combine(builder.Environment.ContentRootPath, "logs", "familyportal-.log"),
                        rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                        formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }, writeToProviders: true);
        return builder;
    }
}
