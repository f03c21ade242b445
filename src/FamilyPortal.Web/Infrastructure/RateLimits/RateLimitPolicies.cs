using System.Security.Claims;

namespace FamilyPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// The limits of each policy (<c>RateLimits:&lt;policy&gt;:PermitLimit</c> and <c>WindowSeconds</c>) and what
/// a request counts against: its client's address or network, or the signed-in account for the staff's
/// secret-answer checks and the forms of « Mon compte ». Null when the request is not limited (a display of
/// a form whose submissions only count).
/// </summary>
public sealed class RateLimitPolicies
{
    private static readonly (string Name, int Permits, int WindowSeconds, bool PostsOnly)[] Defaults =
    [
        (RateLimiting.SignIn, 20, 60, true),
        (RateLimiting.Registration, 10, 600, true),
        (RateLimiting.RegistrationForm, 30, 600, false),
        (RateLimiting.Recovery, 10, 900, true),
        (RateLimiting.Captcha, 60, 60, false),
        (RateLimiting.Adhesion, 30, 600, true),
        (RateLimiting.SecretAnswerCheck, 10, 600, true),
        (RateLimiting.OnlinePayment, 300, 60, false),
        (RateLimiting.MyAccount, 10, 600, true),
    ];

    private static readonly string[] MyAccountForms = ["Password", "Email", "Question", "Delete", "ResendConfirmation"];

    private readonly Dictionary<string, (int Permits, TimeSpan Window, bool PostsOnly)> _policies;

    public RateLimitPolicies(IConfiguration configuration)
    {
        _policies = Defaults.ToDictionary(d => d.Name, d =>
        {
            var section = configuration.GetSection($"RateLimits:{d.Name}");
            return (section.GetValue("PermitLimit", d.Permits), TimeSpan.FromSeconds(section.GetValue("WindowSeconds", d.WindowSeconds)), d.PostsOnly);
        });
    }

    public RateLimitRule? RuleFor(string policy, HttpContext http)
    {
        if (!_policies.TryGetValue(policy, out var limits))
        {
            throw new InvalidOperationException($"Unknown rate limit policy « {policy} ».");
        }
        var isPost = HttpMethods.IsPost(http.Request.Method);
        if (policy == RateLimiting.MyAccount)
        {
            var handler = http.Request.RouteValues["handler"] as string ?? http.Request.Query["handler"].ToString();
            if (!isPost || string.Equals(handler, "Details", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            var form = MyAccountForms.FirstOrDefault(f => string.Equals(f, handler, StringComparison.OrdinalIgnoreCase)) ?? "autre";
            return new RateLimitRule(policy, $"{AccountKey(http)}:{form}", limits.Permits, limits.Window);
        }
        if (limits.PostsOnly && !isPost)
        {
            // The account form's displays write a captcha challenge: they have a limit of their own.
            return policy == RateLimiting.Registration ? RuleFor(RateLimiting.RegistrationForm, http) : null;
        }
        var key = policy == RateLimiting.SecretAnswerCheck ? AccountKey(http) : RateLimiting.ClientKey(http.Connection.RemoteIpAddress);
        return new RateLimitRule(policy, key, limits.Permits, limits.Window);
    }

    private static string AccountKey(HttpContext http) =>
        "compte:" + (http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "anonyme");
}
