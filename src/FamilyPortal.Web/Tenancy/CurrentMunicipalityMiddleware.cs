using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Tenancy;

/// <summary>
/// Sets the current collectivité of a signed-in request from the server's own data: the staff account's
/// collectivité, or the parent's adhésions and remembered choice. Nothing the browser sends (form field,
/// query string) is trusted for it.
/// </summary>
public sealed class CurrentMunicipalityMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentMunicipality current, FamilyPortalDbContext db)
    {
        var accountId = context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;
        // An error page re-executes the pipeline in the same request: it was resolved already.
        if (accountId is not null && !current.IsResolved)
        {
            await ResolveAsync(accountId, current, db, context.RequestAborted);
        }
        await next(context);
    }

    private static async Task ResolveAsync(string accountId, CurrentMunicipality current, FamilyPortalDbContext db, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == accountId)
            .Select(u => new { u.StaffMunicipalityId, u.SelectedMunicipalityId })
            .SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return;
        }
        if (account.StaffMunicipalityId is { } staffMunicipalityId)
        {
            var name = await db.Municipalities.Where(m => m.Id == staffMunicipalityId).Select(m => m.Name).SingleAsync(ct);
            db.Tenant.Enter(staffMunicipalityId);
            current.SetStaff(accountId, staffMunicipalityId, name);
            return;
        }
        // Before a collectivité is entered, the parent's adhésions in all of them are read on purpose.
        var memberships = await db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(m => m.AccountId == accountId)
            .OrderBy(m => m.Municipality!.Name)
            .Select(m => new MembershipChoice(m.MunicipalityId, m.Municipality!.Name, m.FamilyId, m.Family!.HouseholdName))
            .ToListAsync(ct);
        var chosen = CurrentMunicipality.Pick(memberships, account.SelectedMunicipalityId);
        if (chosen is not null)
        {
            db.Tenant.Enter(chosen.MunicipalityId);
        }
        current.SetParent(accountId, memberships, chosen);
    }
}

public static class CurrentMunicipalityExtensions
{
    /// <summary>After authentication: the current collectivité needs the signed-in user.</summary>
    public static IApplicationBuilder UseCurrentMunicipality(this IApplicationBuilder app) =>
        app.UseMiddleware<CurrentMunicipalityMiddleware>();
}
