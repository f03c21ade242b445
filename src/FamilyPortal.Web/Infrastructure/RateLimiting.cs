using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// Per-IP limits on the doors that attackers knock at: sign-in, account creation, recovery, captcha and
/// the code d'adhésion (whose real protection is the per-account and per-address rule of wrong codes).
/// Only submissions count (POST), except for the captcha whose images are the costly part. A refusal is a
/// 429 rendered as the French error page.
/// </summary>
public static class RateLimiting
{
    public const string SignIn = "connexion";
    public const string Registration = "inscription";
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

    private static readonly (string Name, int Permits, int WindowSeconds, bool PostsOnly)[] Defaults =
    [
        (SignIn, 20, 60, true),
        (Registration, 10, 600, true),
        (Recovery, 10, 900, true),
        (Captcha, 60, 60, false),
        (Adhesion, 30, 600, true),
        (SecretAnswerCheck, 10, 600, true),
    ];

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            foreach (var (name, permits, window, postsOnly) in Defaults)
            {
                var section = configuration.GetSection($"RateLimits:{name}");
                var limit = section.GetValue("PermitLimit", permits);
                var seconds = section.GetValue("WindowSeconds", window);
                options.AddPolicy(name, http =>
                {
                    if (postsOnly && !HttpMethods.IsPost(http.Request.Method))
                    {
                        return RateLimitPartition.GetNoLimiter("lecture");
                    }
                    var key = name == SecretAnswerCheck
                        ? "compte:" + (http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonyme")
                        : http.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
                    return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit,
                        Window = TimeSpan.FromSeconds(seconds),
                        QueueLimit = 0,
                    });
                });
            }
            AddMyAccountPolicy(options, configuration);
        });
        return services;
    }

    private static readonly string[] MyAccountForms = ["Password", "Email", "Question", "Delete", "ResendConfirmation"];

    private static void AddMyAccountPolicy(RateLimiterOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection($"RateLimits:{MyAccount}");
        var limit = section.GetValue("PermitLimit", 10);
        var seconds = section.GetValue("WindowSeconds", 600);
        options.AddPolicy(MyAccount, http =>
        {
            var handler = http.Request.RouteValues["handler"] as string ?? http.Request.Query["handler"].ToString();
            if (!HttpMethods.IsPost(http.Request.Method) || string.Equals(handler, "Details", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitPartition.GetNoLimiter("lecture");
            }
            var account = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonyme";
            var form = MyAccountForms.FirstOrDefault(f => string.Equals(f, handler, StringComparison.OrdinalIgnoreCase)) ?? "autre";
            return RateLimitPartition.GetFixedWindowLimiter($"compte:{account}:{form}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromSeconds(seconds),
                QueueLimit = 0,
            });
        });
    }
}
