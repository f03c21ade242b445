using FamilyPortal.Web.Infrastructure.Captcha;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>« Créer un compte »: the whole sheet of the guide on one page.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Registration)]
public class RegisterModel(
    UserManager<PortalAccount> users,
    AccountRegistration registration,
    CaptchaService captcha,
    IConfiguration configuration) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    [BindProperty]
    public string? CaptchaId { get; set; }

    [BindProperty]
    public string? Captcha { get; set; }

    public CaptchaFieldModel CaptchaView => new(CaptchaId ?? "", nameof(Captcha),
        ModelState.TryGetValue(nameof(Captcha), out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null);

    public IReadOnlyList<string> SiteNames => configuration.GetSection("App:SiteNames").Get<string[]>() ?? [];

    public async Task OnGetAsync(CancellationToken ct) => CaptchaId = (await captcha.IssueAsync(ct)).Id;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input;
        var household = Required(input.HouseholdName, "Input.HouseholdName", "Nom de votre foyer", 200);
        var identifiant = input.Identifiant?.Trim();
        if (Identifiant.Check(identifiant) is { } identifiantError)
        {
            ModelState.AddModelError("Input.Identifiant", identifiantError);
        }
        if (PasswordPolicy.Check(input.Password, identifiant, household) is { } passwordError)
        {
            ModelState.AddModelError("Input.Password", passwordError);
        }
        if (string.IsNullOrEmpty(input.ConfirmPassword))
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Confirmez le mot de passe.");
        }
        else if (input.ConfirmPassword != input.Password)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "La confirmation ne correspond pas au mot de passe.");
        }
        if (input.SecretQuestion is null || !SecretAnswer.Questions.Contains(input.SecretQuestion))
        {
            ModelState.AddModelError("Input.SecretQuestion", "Choisissez une question secrète dans la liste.");
        }
        var answer = Required(input.SecretAnswer, "Input.SecretAnswer", "Réponse", SecretAnswer.MaxLength);
        if (answer is not null && SecretAnswer.Normalize(answer).Length == 0)
        {
            ModelState.AddModelError("Input.SecretAnswer", "La réponse doit contenir des lettres ou des chiffres.");
        }
        var contact = ContactDetails.Validate(ModelState, "Input.", input.Civility, input.LastName, input.FirstName,
            input.Notification, input.PrimaryPhone, input.SecondaryPhone, input.Email, input.SecondaryEmail);
        // The captcha is checked (and spent) last, so a parent fixing another field is not asked twice for nothing.
        if (!await captcha.VerifyAsync(CaptchaId, Captcha, ct))
        {
            ModelState.AddModelError(nameof(Captcha), "Le code saisi ne correspond pas à l'image. Saisissez le nouveau code affiché.");
        }
        if (ModelState.ErrorCount == 0 && identifiant is not null && await users.FindByNameAsync(identifiant) is not null)
        {
            ModelState.AddModelError("Input.Identifiant", "Cet identifiant est déjà pris : choisissez-en un autre.");
        }
        if (ModelState.ErrorCount > 0 || contact is null)
        {
            return await Redisplay(ct);
        }

        var account = await registration.CreateAsync(new AccountRegistration.NewAccount(
            household!, identifiant!, input.Password!, input.SecretQuestion!, answer!, contact), ct);
        if (account is null)
        {
            ModelState.AddModelError("Input.Identifiant", "Cet identifiant est déjà pris : choisissez-en un autre.");
            return await Redisplay(ct);
        }
        TempData["Identifiant"] = account.UserName;
        return RedirectToPage("RegisterDone");
    }

    private async Task<PageResult> Redisplay(CancellationToken ct)
    {
        // Password fields are never echoed back; the spent captcha is replaced by a fresh one.
        ModelState.Remove(nameof(CaptchaId));
        CaptchaId = (await captcha.IssueAsync(ct)).Id;
        return Page();
    }

    private string? Required(string? value, string key, string label, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError(key, $"Le champ « {label} » est obligatoire.");
            return null;
        }
        if (text.Length > maxLength || text.Any(char.IsControl))
        {
            ModelState.AddModelError(key, $"Le champ « {label} » ne doit pas dépasser {maxLength} caractères ni contenir de caractères de contrôle.");
            return null;
        }
        return text;
    }
}
