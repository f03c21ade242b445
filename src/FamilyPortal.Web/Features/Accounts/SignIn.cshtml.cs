using System.ComponentModel.DataAnnotations;
using FamilyPortal.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>« Mon compte » panel: sign-in by identifiant (case-insensitive) and password.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.SignIn)]
public class SignInModel(
    UserManager<PortalAccount> users,
    SignInManager<PortalAccount> signInManager,
    PortalSignIn portalSignIn,
    PasswordWork passwordWork,
    PortalMetrics metrics,
    Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> hashing,
    ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    [Display(Name = "Identifiant")]
    public string? Identifiant { get; set; }

    [BindProperty]
    [Display(Name = "Mot de passe")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public void OnGet(string? identifiant) => Identifiant ??= identifiant;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Identifiant))
        {
            ModelState.AddModelError(nameof(Identifiant), "Saisissez votre identifiant.");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Saisissez votre mot de passe.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await users.FindByNameAsync(Identifiant!.Trim());
        if (account is null || await users.IsLockedOutAsync(account))
        {
            // An unknown identifiant and a locked account get the answer of a wrong password, after the same
            // work (one password check in the same queue): neither the words nor the delay tell which
            // identifiants exist. A locked account's password is not checked: the lockout stops the guessing.
            var dummyHash = DummyHashFor(hashing.Value.IterationCount);
            await passwordWork.RunAsync(() => users.PasswordHasher.VerifyHashedPassword(new PortalAccount(), dummyHash, Password!));
            if (account is not null)
            {
                logger.LogWarning("Connexion refusée : compte {AccountId} verrouillé", account.Id);
            }
            metrics.SignIn(account is null ? MetricOutcomes.Refused : MetricOutcomes.LockedOut);
            return Refuse();
        }

        var result = await signInManager.CheckPasswordSignInAsync(account, Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Connexion refusée : compte {AccountId} verrouillé", account.Id);
            metrics.SignIn(MetricOutcomes.LockedOut);
            return Refuse();
        }
        if (!result.Succeeded)
        {
            logger.LogInformation("Échec de connexion pour le compte {AccountId}", account.Id);
            metrics.SignIn(MetricOutcomes.Refused);
            return Refuse();
        }
        if (account.SuspendedAtUtc is not null)
        {
            // Said only to whoever typed the right password.
            logger.LogWarning("Connexion refusée : compte {AccountId} suspendu", account.Id);
            ModelState.AddModelError(string.Empty, StaffSuspension.SignInRefused);
            metrics.SignIn(MetricOutcomes.Suspended);
            return Page();
        }

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        if (await SecondFactor.IsRequiredAsync(users, account))
        {
            // Staff are not signed in yet: the authenticator code comes first (enrolment the first time).
            await portalSignIn.BeginSecondFactorAsync(account);
            var step = await users.GetTwoFactorEnabledAsync(account) ? "/Accounts/SecondFactor" : "/Accounts/EnrolAuthenticator";
            metrics.SignIn(MetricOutcomes.SecondFactorAsked);
            return RedirectToPage(step, new { retour = returnUrl });
        }
        await portalSignIn.SignInAsync(account, ct);
        logger.LogInformation("Connexion du compte {AccountId}", account.Id);
        metrics.SignIn(MetricOutcomes.SignedIn);
        // Parents land on « Actualités », the first tab of their space.
        return LocalRedirect(returnUrl ?? "/actualites");
    }

    /// <summary>
    /// The one answer to a refused sign-in, whatever the reason: unknown identifiant, wrong password, locked
    /// account. It says what the lockout is, without saying whether it applies.
    /// </summary>
    public const string Refusal =
        "Identifiant ou mot de passe incorrect. Après 5 essais infructueux, le compte est bloqué pendant 15 minutes.";

    private PageResult Refuse()
    {
        ModelState.AddModelError(string.Empty, Refusal);
        Password = null;
        return Page();
    }

    /// <summary>
    /// A hash of a random password with the portal's own iteration count, computed once per count, to spend
    /// the same time on unknown identifiants as on known ones.
    /// </summary>
    private static string DummyHashFor(int iterations) => DummyHashes.GetOrAdd(iterations, count =>
        new PasswordHasher<PortalAccount>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = count }))
            .HashPassword(new PortalAccount(), Guid.NewGuid().ToString()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> DummyHashes = new();
}
