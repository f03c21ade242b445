using Microsoft.AspNetCore.Authorization;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// Who reaches the admin and platform pages: the right role, and a sign-in completed with the
/// authenticator code. Staff must also be tied to a collectivité (their pages work on it only).
/// </summary>
public static class StaffAuthorization
{
    public const string Staff = "Personnel";
    public const string Administrator = "AdministrateurCollectivite";
    public const string Operator = "OperateurPlateforme";

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => StaffOf(p).RequireRole(Roles.Administrator, Roles.Agent))
            .AddPolicy(Administrator, p => StaffOf(p).RequireRole(Roles.Administrator))
            .AddPolicy(Operator, p => p.RequireAuthenticatedUser()
                .RequireClaim(SecondFactor.MethodClaim, SecondFactor.MultiFactor)
                .RequireRole(Roles.Operator));
        return services;
    }

    private static AuthorizationPolicyBuilder StaffOf(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(SecondFactor.MethodClaim, SecondFactor.MultiFactor)
            .RequireAssertion(context => context.Resource is HttpContext http
                && http.RequestServices.GetRequiredService<CurrentMunicipality>().IsStaff);
}
