using System.Globalization;

namespace FamilyPortal.Web.Infrastructure.Observability;

/// <summary>
/// <c>Diagnostics:ServerTiming</c>: each answer carries a <c>Server-Timing</c> header with the number of database
/// commands of the request and their time (<c>sql</c>) and the request's time in the portal (<c>app</c>), so a
/// load run can see where a page's time goes. Off by default: it tells anyone how a page is made.
/// </summary>
public static class ServerTiming
{
    public const string Setting = "Diagnostics:ServerTiming";
    public const string Header = "Server-Timing";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    /// <summary>First in the pipeline, so that the whole request is measured.</summary>
    public static WebApplication UseServerTiming(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.Use(async (context, next) =>
            {
                var cost = RequestCost.Begin();
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[Header] = Format(cost);
                    return Task.CompletedTask;
                });
                await next(context);
            });
        }
        return app;
    }

    public static string Format(RequestCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return string.Create(CultureInfo.InvariantCulture,
            $"sql;desc=\"{cost.Commands}\";dur={cost.CommandTime.TotalMilliseconds:F2}, app;dur={cost.Elapsed.TotalMilliseconds:F2}");
    }
}
