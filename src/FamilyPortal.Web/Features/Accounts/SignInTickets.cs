using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// The waiting room's tickets. The sign-in that would wait too long for its password check answers at once
/// with a ticket (its secret in a cookie, its hash and what was asked in the database); the check goes on here
/// and writes its outcome to the row, so the waiting page, on whichever server it lands, completes the sign-in.
/// </summary>
public sealed class SignInTickets(FamilyPortalDbContext db, IServiceScopeFactory scopes, TimeProvider time,
    IConfiguration configuration, IHostEnvironment environment, ILogger<SignInTickets> logger)
{
    public const string CookieBaseName = "FamilyPortal.SignInTicket";

    /// <summary>A ticket older than this is void: its check, if its server stopped, will never answer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private bool Https => HttpsPolicy.IsRequired(configuration, environment);
    private string CookieName => HttpsPolicy.CookieName(CookieBaseName, Https);

    public async Task OpenAsync(HttpContext http, Task<SignInCheckResult> check, string identifiant, string? returnUrl,
        bool rememberDevice, int ahead, double checksPerSecond, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var secret = AccountSessions.NewSecret();
        var hash = AccountSessions.HashOf(secret);
        db.SignInTickets.Add(new SignInTicket
        {
            IdHash = hash,
            Identifiant = identifiant.Length > 256 ? identifiant[..256] : identifiant,
            ReturnUrl = returnUrl is { Length: <= 2000 } ? returnUrl : null,
            RememberDevice = rememberDevice,
            QueueAhead = ahead,
            ChecksPerSecond = checksPerSecond,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + Lifetime,
        });
        await db.SignInTickets.Where(t => t.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        // The row exists before the outcome can be written to it.
        _ = check.ContinueWith(done => RecordAsync(hash, done), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        http.Response.Cookies.Append(CookieName, secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = Https || http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>This browser's ticket, or null (none, expired, or already used).</summary>
    public async Task<SignInTicket?> FindAsync(HttpContext http, CancellationToken ct)
    {
        if (HashOfCookie(http) is not { } hash)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        return await db.SignInTickets.AsNoTracking().SingleOrDefaultAsync(t => t.IdHash == hash && t.ExpiresAtUtc > now, ct);
    }

    /// <summary>Single use: true for the one request that takes the ticket's outcome; the cookie goes too.</summary>
    public async Task<bool> TakeAsync(HttpContext http, SignInTicket ticket, CancellationToken ct)
    {
        Drop(http);
        return await db.SignInTickets.Where(t => t.IdHash == ticket.IdHash && t.Outcome != SignInOutcome.Pending).ExecuteDeleteAsync(ct) == 1;
    }

    public void Drop(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions
    {
        HttpOnly = true,
        Secure = Https || http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
    });

    private string? HashOfCookie(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var secret) && !string.IsNullOrEmpty(secret) && secret.Length <= 100
            ? AccountSessions.HashOf(secret) : null;

    private async Task RecordAsync(string hash, Task<SignInCheckResult> check)
    {
        var result = check.IsCompletedSuccessfully ? check.Result : new SignInCheckResult(SignInOutcome.Refused, null);
        if (!check.IsCompletedSuccessfully)
        {
            logger.LogError(check.Exception, "La vérification d'un mot de passe en file d'attente a échoué");
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            await store.SignInTickets.Where(t => t.IdHash == hash).ExecuteUpdateAsync(t => t
                .SetProperty(x => x.Outcome, result.Outcome)
                .SetProperty(x => x.AccountId, result.AccountId)
                .SetProperty(x => x.CheckedAtUtc, now));
        }
        catch (Exception ex)
        {
            // The ticket then expires unanswered, and the parent is asked to sign in again.
            logger.LogError(ex, "Le résultat d'une connexion en file d'attente n'a pas pu être enregistré");
        }
    }
}
