using System.Data.Common;
using System.Net;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// A database that is locked, busy or out of reach for a moment is not a bug of the page: the visitor gets a
/// French « réessayez » page with status 503 and Retry-After, never an error page with a stack trace. The
/// page is written here, without Razor or the database, since both may be what is failing. The unit of work
/// that failed was one transaction: nothing of it was written.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, IConfiguration configuration, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public const string Message = "Le service est momentanément indisponible, réessayez dans quelques instants.";

    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    private readonly string _page = PageFor(configuration.PlatformName());

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DatabaseUnavailable.IsTransient(ex) && !context.Response.HasStarted)
        {
            logger.LogWarning(ex, "Base de données momentanément indisponible pour {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(_page, CancellationToken.None);
        }
    }

    private static string PageFor(string platformName)
    {
        var name = WebUtility.HtmlEncode(platformName);
        return $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>Service momentanément indisponible – {name}</title>
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
                <header class="site-header"><div class="container header-bar"><a class="brand" href="/"><span>{name}</span></a></div></header>
                <main id="contenu" class="container page">
                    <div class="card error-page">
                        <h1>Service momentanément indisponible</h1>
                        <p class="lead">{Message}</p>
                        <p>Ce que vous avez demandé n'a pas été enregistré : recommencez dans quelques secondes.</p>
                        <p><a class="button button-primary" href="/">Retour à l'accueil</a></p>
                    </div>
                </main>
            </body>
            </html>
            """;
    }
}

public static class DatabaseUnavailable
{
    /// <summary>SQLite: busy, locked, I/O error, cannot open the file, locking protocol error.</summary>
    private static readonly HashSet<int> TransientSqliteCodes = [5, 6, 10, 14, 15];

    /// <summary>
    /// SQL Server: timeout, connection broken or refused, deadlock, lock timeout, database or service busy or
    /// unavailable (Azure SQL throttling and failover included).
    /// </summary>
    private static readonly HashSet<int> TransientSqlServerNumbers =
        [-2, 2, 20, 53, 64, 121, 233, 1205, 1222, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    public static IApplicationBuilder UseDatabaseUnavailablePage(this IApplicationBuilder app) =>
        app.UseMiddleware<DatabaseUnavailableMiddleware>();

    /// <summary>Whether the exception, or one it wraps, says the database is unavailable for a moment.</summary>
    public static bool IsTransient(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when TransientSqliteCodes.Contains(sqlite.SqliteErrorCode):
                case SqlException sql when sql.Errors.Cast<SqlError>().Any(e => TransientSqlServerNumbers.Contains(e.Number)):
                case RetryLimitExceededException:
                case DbException { IsTransient: true }:
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }
        return false;
    }
}
