using System.Security.Claims;
using FamilyPortal.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>Signs accounts in and out, always through a server-side session.</summary>
public sealed class PortalSignIn(SignInManager<PortalAccount> signIn, AccountSessions sessions, RememberedDevices devices,
    IHttpContextAccessor http, PortalMetrics metrics, ILogger<PortalSignIn> logger)
{
    /// <summary>Set on a request that a remembered device signed in, for the sign-in page to move on at once.</summary>
    public const string SignedInByDeviceItem = "fp:device-sign-in";

    public Task SignInAsync(PortalAccount account, CancellationToken ct) => SignInAsync(account, secondFactorChecked: false, deviceId: null, ct);

    /// <summary>
    /// A parent's sign-in after the password; with <paramref name="rememberDevice"/>, this browser also stays
    /// signed in for 30 days. Never for staff, who get here through the second factor instead.
    /// </summary>
    public async Task SignInParentAsync(PortalAccount account, bool rememberDevice, CancellationToken ct)
    {
        Guid? deviceId = rememberDevice ? await devices.RememberAsync(Context, account.Id, ct) : null;
        await SignInAsync(account, secondFactorChecked: false, deviceId, ct);
    }

    /// <summary>
    /// The password was right: a parent is signed in (and this browser remembered if asked); staff are not signed
    /// in yet, the authenticator code comes first (enrolment the first time), and they are never remembered.
    /// Returns where to go next.
    /// </summary>
    public async Task<string> AfterPasswordAsync(PortalAccount account, bool rememberDevice, string? returnUrl, CancellationToken ct)
    {
        var users = signIn.UserManager;
        if (await SecondFactor.IsRequiredAsync(users, account))
        {
            await BeginSecondFactorAsync(account);
            var step = await users.GetTwoFactorEnabledAsync(account) ? "/connexion/code" : "/connexion/authentificateur";
            metrics.SignIn(MetricOutcomes.SecondFactorAsked);
            return returnUrl is null ? step : $"{step}?retour={Uri.EscapeDataString(returnUrl)}";
        }
        await SignInParentAsync(account, rememberDevice, ct);
        logger.LogInformation("Connexion du compte {AccountId}", account.Id);
        metrics.SignIn(MetricOutcomes.SignedIn);
        // Parents land on « Actualités », the first tab of their space.
        return returnUrl ?? "/actualites";
    }

    /// <summary>
    /// A request without a session that carries a remembered device's cookie: a new session for its parent, with
    /// no password check. A device whose account is now staff or suspended is forgotten instead.
    /// </summary>
    public async Task<bool> SignInFromRememberedDeviceAsync(CancellationToken ct)
    {
        var device = await devices.UseAsync(Context, ct);
        if (device is null)
        {
            return false;
        }
        var account = await signIn.UserManager.FindByIdAsync(device.AccountId);
        if (account is null || account.SuspendedAtUtc is not null || await SecondFactor.IsRequiredAsync(signIn.UserManager, account))
        {
            await devices.ForgetAsync(device.AccountId, device.Id, ct);
            await devices.ForgetThisBrowserAsync(Context, ct);
            return false;
        }
        await SignInAsync(account, secondFactorChecked: false, device.Id, ct);
        Context.Items[SignedInByDeviceItem] = true;
        logger.LogInformation("Connexion du compte {AccountId} par un appareil mémorisé", account.Id);
        metrics.SignIn(MetricOutcomes.RememberedDevice);
        return true;
    }

    /// <summary>Completes a staff sign-in once the authenticator code was checked.</summary>
    public async Task SignInWithSecondFactorAsync(PortalAccount account, CancellationToken ct)
    {
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInAsync(account, secondFactorChecked: true, deviceId: null, ct);
    }

    /// <summary>
    /// After the password of a staff account: remembers who is half-way (a short-lived cookie of Identity's
    /// own scheme) without signing anybody in.
    /// </summary>
    public Task BeginSecondFactorAsync(PortalAccount account)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Id)], IdentityConstants.TwoFactorUserIdScheme);
        return Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The account whose password was checked and who still owes the code, or null.</summary>
    public Task<PortalAccount?> PendingSecondFactorAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

    /// <summary>« Se déconnecter »: the session ends, and this browser is no longer remembered.</summary>
    public async Task SignOutAsync(CancellationToken ct)
    {
        if (CurrentSessionId is { } sessionId)
        {
            await sessions.EndAsync(sessionId, ct);
        }
        await devices.ForgetThisBrowserAsync(Context, ct);
        await signIn.SignOutAsync();
    }

    public string? CurrentSessionId => http.HttpContext?.User.FindFirstValue(AccountSessions.SessionClaim);

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    private async Task SignInAsync(PortalAccount account, bool secondFactorChecked, Guid? deviceId, CancellationToken ct)
    {
        var sessionId = await sessions.StartAsync(account.Id, deviceId, ct);
        List<Claim> claims = [new Claim(AccountSessions.SessionClaim, sessionId)];
        if (secondFactorChecked)
        {
            claims.Add(new Claim(SecondFactor.MethodClaim, SecondFactor.MultiFactor));
        }
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, claims);
    }
}
