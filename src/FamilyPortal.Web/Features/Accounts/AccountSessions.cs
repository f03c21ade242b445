using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// Server-side sessions behind the auth cookie. The id (32 random bytes) travels only inside the encrypted
/// cookie; the database keeps its SHA-256, which is enough to find the session and useless to forge a cookie.
/// </summary>
public sealed class AccountSessions(FamilyPortalDbContext db, TimeProvider time)
{
    public const string SessionClaim = "fp:sid";
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A new session; <paramref name="deviceId"/> names the remembered device that started it, if one did.</summary>
    public async Task<string> StartAsync(string accountId, Guid? deviceId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sessionId = NewSecret();
        db.AccountSessions.Add(new AccountSession
        {
            IdHash = HashOf(sessionId),
            AccountId = accountId,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + AbsoluteLifetime,
            DeviceId = deviceId,
        });
        // Expired sessions of the same account go with each new sign-in.
        await db.AccountSessions.Where(s => s.AccountId == accountId && s.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
        // A sign-in is a use of the account: the inactivity period of retention starts again, a warning is void.
        await db.Users.Where(u => u.Id == accountId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LastSignInAtUtc, now).SetProperty(a => a.InactivityWarnedAtUtc, (DateTime?)null), ct);
        await db.SaveChangesAsync(ct);
        return sessionId;
    }

    /// <summary>The account behind an active session, read with the session check in one command; null when the session is over.</summary>
    public Task<SignedInAccount?> FindActiveAsync(string sessionId, string accountId, CancellationToken ct)
    {
        return SignedInAccount.ReadWithSessionAsync(db, accountId, HashOf(sessionId), time.GetUtcNow().UtcDateTime, ct);
    }

    public Task EndAsync(string sessionId, CancellationToken ct)
    {
        var hash = HashOf(sessionId);
        return db.AccountSessions.Where(s => s.IdHash == hash).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Signs the account out everywhere, except the given session when there is one, and forgets every remembered
    /// device (password change or reset, suspension, role change, deletion).
    /// </summary>
    public async Task EndAllAsync(string accountId, string? exceptSessionId, CancellationToken ct)
    {
        var exceptHash = exceptSessionId is null ? null : HashOf(exceptSessionId);
        await db.AccountSessions.Where(s => s.AccountId == accountId && s.IdHash != exceptHash).ExecuteDeleteAsync(ct);
        await db.RememberedDevices.Where(d => d.AccountId == accountId).ExecuteDeleteAsync(ct);
    }

    /// <summary>32 random bytes, base64url: a session id, a device's or a waiting ticket's secret.</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>What the database keeps of a session id: its SHA-256 in lowercase hex (the id is random, no salt is needed).</summary>
    public static string HashOf(string sessionId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));

    /// <summary>Cookie event: a cookie whose session was ended or expired no longer signs anybody in.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessionId = principal?.FindFirstValue(SessionClaim);
        var accountId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AccountSessions>();
        var account = sessionId is null || accountId is null
            ? null
            : await sessions.FindActiveAsync(sessionId, accountId, context.HttpContext.RequestAborted);
        if (account is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        context.HttpContext.Items[SignedInAccount.ItemKey] = account;
    }
}
