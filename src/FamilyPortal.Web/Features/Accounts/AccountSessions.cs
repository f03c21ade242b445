using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>Server-side sessions behind the auth cookie.</summary>
public sealed class AccountSessions(FamilyPortalDbContext db, TimeProvider time)
{
    public const string SessionClaim = "fp:sid";
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public async Task<string> StartAsync(string accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new AccountSession
        {
            Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
            AccountId = accountId,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + AbsoluteLifetime,
        };
        db.AccountSessions.Add(session);
        // Expired sessions of the same account go with each new sign-in.
        await db.AccountSessions.Where(s => s.AccountId == accountId && s.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    public Task<bool> IsActiveAsync(string sessionId, string accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.AccountSessions.AnyAsync(s => s.Id == sessionId && s.AccountId == accountId && s.ExpiresAtUtc > now, ct);
    }

    public Task EndAsync(string sessionId, CancellationToken ct) =>
        db.AccountSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);

    /// <summary>Signs the account out everywhere, except the given session when there is one.</summary>
    public Task EndAllAsync(string accountId, string? exceptSessionId, CancellationToken ct) =>
        db.AccountSessions.Where(s => s.AccountId == accountId && s.Id != exceptSessionId).ExecuteDeleteAsync(ct);

    /// <summary>Cookie event: a cookie whose session was ended or expired no longer signs anybody in.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessionId = principal?.FindFirstValue(SessionClaim);
        var accountId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AccountSessions>();
        if (sessionId is null || accountId is null
            || !await sessions.IsActiveAsync(sessionId, accountId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
