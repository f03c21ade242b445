using System.Security.Claims;
using FamilyPortal.Web.Infrastructure.ReferenceData;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Tenancy;

/// <summary>
/// Sets the current collectivité of a signed-in request from the server's own data: the staff account's
/// collectivité, or the parent's adhésions and remembered choice. Nothing the browser sends (form field,
/// query string) is trusted for it.
/// </summary>
public sealed class CurrentMunicipalityMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentMunicipality current, FamilyPortalDbContext db, ReferenceDataVersion versions)
    {
        var accountId = context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;
        // An error page re-executes the pipeline in the same request: it was resolved already.
        if (accountId is not null && !current.IsResolved)
        {
            // The cookie's session check read the account already; an account signed in during this request
            // (by a remembered device) is read now.
            var checkedAccount = context.Items[SignedInAccount.ItemKey] as SignedInAccount;
            var account = checkedAccount?.AccountId == accountId
                ? checkedAccount
                : await SignedInAccount.ReadAsync(db, accountId, context.RequestAborted);
            if (!Resolve(accountId, account, current, db, versions))
            {
                // Suspended since the cookie was issued (its sessions were ended with the suspension): nobody.
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (context.User.IsInRole(Roles.Operator))
            {
                current.MarkOperator();
            }
        }
        await next(context);
    }

    /// <returns>False for a suspended account.</returns>
    private static bool Resolve(
        string accountId, SignedInAccount? account, CurrentMunicipality current, FamilyPortalDbContext db, ReferenceDataVersion versions)
    {
        if (account is null)
        {
            return true;
        }
        if (account.Suspended)
        {
            return false;
        }
        if (account.StaffMunicipalityId is { } staffMunicipalityId)
        {
            db.Tenant.Enter(staffMunicipalityId);
            versions.ReadWithAccount(staffMunicipalityId, account.ReferenceVersions[staffMunicipalityId]);
            current.SetStaff(accountId, staffMunicipalityId, account.StaffMunicipalityName!);
            return true;
        }
        var chosen = CurrentMunicipality.Pick(account.Memberships, account.SelectedMunicipalityId);
        if (chosen is not null)
        {
            db.Tenant.Enter(chosen.MunicipalityId);
            versions.ReadWithAccount(chosen.MunicipalityId, account.ReferenceVersions[chosen.MunicipalityId]);
        }
        current.SetParent(accountId, account.Memberships, chosen);
        return true;
    }
}

public static class CurrentMunicipalityExtensions
{
    /// <summary>After authentication: the current collectivité needs the signed-in user.</summary>
    public static IApplicationBuilder UseCurrentMunicipality(this IApplicationBuilder app) =>
        app.UseMiddleware<CurrentMunicipalityMiddleware>();
}
