using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// The devices that stay signed in (« Rester connecté sur cet appareil »). The cookie carries a random secret
/// of 32 bytes; the database its SHA-256. A use renews the device for 30 days; a password change or reset, a
/// suspension, the account's deletion or « Oublier » in « Mon compte » end it.
/// </summary>
public sealed class RememberedDevices(FamilyPortalDbContext db, TimeProvider time, IConfiguration configuration, IHostEnvironment environment)
{
    public const string CookieBaseName = "FamilyPortal.Device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static string CookieNameFor(IConfiguration configuration, IHostEnvironment environment) =>
        HttpsPolicy.CookieName(CookieBaseName, HttpsPolicy.IsRequired(configuration, environment));

    private bool Https => HttpsPolicy.IsRequired(configuration, environment);
    private string CookieName => CookieNameFor(configuration, environment);

    /// <summary>Remembers this browser for the account and gives it its cookie; returns the device's id.</summary>
    public async Task<Guid> RememberAsync(HttpContext http, string accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var secret = AccountSessions.NewSecret();
        var device = new RememberedDevice
        {
            Id = Guid.NewGuid(),
            SecretHash = AccountSessions.HashOf(secret),
            AccountId = accountId,
            Label = DeviceLabel.From(http.Request.Headers.UserAgent.ToString()),
            CreatedAtUtc = now,
            LastUsedAtUtc = now,
            ExpiresAtUtc = now + Lifetime,
        };
        db.RememberedDevices.Add(device);
        // Expired devices of the same account go with each new one.
        await db.RememberedDevices.Where(d => d.AccountId == accountId && d.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        WriteCookie(http, secret);
        return device.Id;
    }

    /// <summary>
    /// The device this browser's cookie names, renewed for 30 days from now; null (and the cookie dropped) when
    /// it names none, or one that expired or was forgotten.
    /// </summary>
    public async Task<RememberedDevice?> UseAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var secret) || string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var hash = AccountSessions.HashOf(secret);
        var renewed = await db.RememberedDevices.Where(d => d.SecretHash == hash && d.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.LastUsedAtUtc, now).SetProperty(x => x.ExpiresAtUtc, now + Lifetime), ct);
        if (renewed == 0)
        {
            DropCookie(http);
            return null;
        }
        WriteCookie(http, secret);
        return await db.RememberedDevices.AsNoTracking().SingleAsync(d => d.SecretHash == hash, ct);
    }

    public Task<List<RememberedDevice>> ListAsync(string accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.RememberedDevices.AsNoTracking().Where(d => d.AccountId == accountId && d.ExpiresAtUtc > now)
            .OrderByDescending(d => d.LastUsedAtUtc).ToListAsync(ct);
    }

    /// <summary>The SHA-256 of this browser's device secret, to tell « cet appareil » in the list.</summary>
    public string? CurrentHash(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var secret) && !string.IsNullOrEmpty(secret) && secret.Length <= 100
            ? AccountSessions.HashOf(secret) : null;

    /// <summary>« Oublier cet appareil »: the device of this account, and the sessions it started. False when there is none.</summary>
    public async Task<bool> ForgetAsync(string accountId, Guid deviceId, CancellationToken ct)
    {
        var forgotten = await db.RememberedDevices.Where(d => d.Id == deviceId && d.AccountId == accountId).ExecuteDeleteAsync(ct);
        if (forgotten > 0)
        {
            await db.AccountSessions.Where(s => s.DeviceId == deviceId && s.AccountId == accountId).ExecuteDeleteAsync(ct);
        }
        return forgotten > 0;
    }

    /// <summary>At sign-out: this browser is no longer remembered.</summary>
    public async Task ForgetThisBrowserAsync(HttpContext http, CancellationToken ct)
    {
        if (CurrentHash(http) is { } hash)
        {
            await db.RememberedDevices.Where(d => d.SecretHash == hash).ExecuteDeleteAsync(ct);
            DropCookie(http);
        }
    }

    private void WriteCookie(HttpContext http, string secret) =>
        // Max-Age rather than Expires: the browser counts the 30 days itself, whatever the server's clock says.
        http.Response.Cookies.Append(CookieName, secret, Options(http, Lifetime));

    private void DropCookie(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http, null));

    private CookieOptions Options(HttpContext http, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = Https || http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
