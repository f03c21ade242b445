using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>Signs accounts in and out, always through a server-side session.</summary>
public sealed class PortalSignIn(SignInManager<PortalAccount> signIn, AccountSessions sessions, IHttpContextAccessor http)
{
    public Task SignInAsync(PortalAccount account, CancellationToken ct) => SignInAsync(account, secondFactorChecked: false, ct);

    /// <summary>Completes a staff sign-in once the authenticator code was checked.</summary>
    public async Task SignInWithSecondFactorAsync(PortalAccount account, CancellationToken ct)
    {
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInAsync(account, secondFactorChecked: true, ct);
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

    public async Task SignOutAsync(CancellationToken ct)
    {
        if (CurrentSessionId is { } sessionId)
        {
            await sessions.EndAsync(sessionId, ct);
        }
        await signIn.SignOutAsync();
    }

    public string? CurrentSessionId => http.HttpContext?.User.FindFirstValue(AccountSessions.SessionClaim);

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    private async Task SignInAsync(PortalAccount account, bool secondFactorChecked, CancellationToken ct)
    {
        var sessionId = await sessions.StartAsync(account.Id, ct);
        List<Claim> claims = [new Claim(AccountSessions.SessionClaim, sessionId)];
        if (secondFactorChecked)
        {
            claims.Add(new Claim(SecondFactor.MethodClaim, SecondFactor.MultiFactor));
        }
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, claims);
    }
}
