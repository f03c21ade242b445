using Serilog;

namespace FamilyPortal.Web.Infrastructure;

public static class LoggingRegistration
{
    public const string LogDirectorySetting = "App:LogDirectory";

    /// <summary>
    /// Serilog, structured, to the console and a daily rolling file under « App:LogDirectory » (default
    /// « logs » in the application folder), unless « Serilog:WriteTo » configures the sinks. Each host keeps
    /// its own logger (the static one is left alone), so several hosts in one process never mix their logs.
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
                var folder = Path.GetFullPath(builder.Configuration[LogDirectorySetting] ?? "logs", builder.Environment.ContentRootPath);
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                    .WriteTo.File(Path.Combine(folder, "familyportal-.log"),
                        rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                        formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }, preserveStaticLogger: true, writeToProviders: true);
        return builder;
    }
}
