using System.Net;
using System.Net.Sockets;
using FamilyPortal.Web.Infrastructure.Jobs;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// Per-address limits on the doors that attackers knock at: sign-in, account creation, recovery, captcha,
/// the code d'adhésion (whose real protection is the per-account and per-address rule of wrong codes) and the
/// payment service's notification and return addresses.
/// Only submissions count (POST), except for the captcha whose images are the costly part, and for the
/// account form, whose display writes a captcha challenge: its displays have a limit of their own
/// (<see cref="RegistrationForm"/>). A refusal is a 429 with Retry-After, rendered as the French error page. An address is
/// an IPv4 address, or the /64 network of an IPv6 one (see <see cref="ClientNetwork"/>).
/// </summary>
public static class RateLimiting
{
    public const string SignIn = "connexion";
    public const string Registration = "inscription";
    /// <summary>The displays (GET) of the account form, counted under the <see cref="Registration"/> policy.</summary>
    public const string RegistrationForm = "inscription-affichage";
    public const string Recovery = "recuperation";
    public const string Captcha = "captcha";
    public const string Adhesion = "adhesion";
    /// <summary>Staff checking a caller's secret answer: counted per staff account, not per address.</summary>
    public const string SecretAnswerCheck = "verification-reponse";
    /// <summary>
    /// « Mon compte »: the forms that check the password or send a link, counted per signed-in account and form
    /// (a stolen session is what they protect against, whatever its address). The details form is not limited.
    /// </summary>
    public const string MyAccount = "mon-compte";
    /// <summary>
    /// The payment service's anonymous addresses (notification, return): each known operation id makes the portal
    /// call the service, so a flood of them is cut per address. Generous: the service notifies from few addresses.
    /// </summary>
    public const string OnlinePayment = "paiement-en-ligne";

    /// <summary>
    /// The limits hold for the whole platform: each request of a limited endpoint is counted in the database
    /// (<see cref="RateLimits.RateLimitCounters"/>), whatever the server it reaches.
    /// </summary>
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<RateLimits.RateLimitPolicies>();
        services.AddScoped<RateLimits.RateLimitCounters>();
        services.AddScheduledJob<RateLimits.RateLimitCountersPurgeJob>();
        return services;
    }

    /// <summary>After authentication: some policies count per signed-in account.</summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<RateLimits.SharedRateLimitMiddleware>();

    /// <summary>The key of a client's address in the per-address limits: its network, or « inconnue ».</summary>
    public static string ClientKey(IPAddress? address) => ClientNetwork(address) ?? "inconnue";

    /// <summary>
    /// What counts as one client: an IPv4 address as it is, an IPv6 address by its /64 network (written
    /// « 2001:db8:1:2::/64 »). One IPv6 subscriber usually holds a whole /64 and picks any address in it,
    /// so counting addresses one by one would give them billions of fresh limits. An IPv4 address written
    /// as IPv6 (::ffff:192.0.2.1) is the IPv4 address. Null when the connection has no known address.
    /// </summary>
    public static string? ClientNetwork(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }
}
