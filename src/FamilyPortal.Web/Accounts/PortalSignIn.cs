using System.Security.Claims;
using FamilyPortal.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Accounts;

/// <summary>Signs accounts in and out, always through a server-side session.</summary>
public sealed class PortalSignIn(SignInManager<PortalAccount> signIn, AccountSessions sessions, IHttpContextAccessor http)
{
    public async Task SignInAsync(PortalAccount account, CancellationToken ct)
    {
        var sessionId = await sessions.StartAsync(account.Id, ct);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(AccountSessions.SessionClaim, sessionId)]);
    }

    public async Task SignOutAsync(CancellationToken ct)
    {
        if (CurrentSessionId is { } sessionId)
        {
            await sessions.EndAsync(sessionId, ct);
        }
        await signIn.SignOutAsync();
    }

    public string? CurrentSessionId => http.HttpContext?.User.FindFirstValue(AccountSessions.SessionClaim);
}
