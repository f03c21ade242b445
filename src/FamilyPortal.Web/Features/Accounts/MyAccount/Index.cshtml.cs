using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts.MyAccount;

/// <summary>
/// « Mon compte »: details, password, email, secret question, my data, deletion. Every form that checks the
/// password counts a wrong one towards the lockout, as the sign-in does, and is limited per account; links
/// to confirm an address are limited per account and day.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimiting.MyAccount)]
public partial class IndexModel(
    UserManager<PortalAccount> users,
    FamilyPortalDbContext db,
    AccountSessions sessions,
    PortalSignIn signIn,
    AccountEmails emails,
    AccountDeletion deletion,
    AccountDataExport export,
    TimeProvider time,
    ILogger<IndexModel> logger) : PageModel
{
    /// <summary>Links to confirm an address (a new one, or the first one again) per account over a day.</summary>
    public const int MaxConfirmationLinksPerDay = 5;

    public const string TooManyLinks = "Vous avez demandé trop de liens de confirmation aujourd'hui : réessayez demain.";

    public PortalAccount Account { get; private set; } = null!;

    [BindProperty] public DetailsInput Details { get; set; } = new();
    [BindProperty] public PasswordInput Password { get; set; } = new();
    [BindProperty] public EmailInput NewEmail { get; set; } = new();
    [BindProperty] public QuestionInput Question { get; set; } = new();
    [BindProperty] public string? DeletePassword { get; set; }
    /// <summary>« Recevoir les rappels avant la date limite de réservation »: « true » when ticked.</summary>
    [BindProperty] public string? BookingReminders { get; set; }

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        Details = DetailsInput.From(Account);
        Question.SecretQuestion = Account.SecretQuestion;
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var d = Details;
        var contact = ContactDetails.Validate(ModelState, "Details.", d.Civility, d.LastName, d.FirstName,
            d.Notification, d.PrimaryPhone, d.SecondaryPhone, Account.Email, d.SecondaryEmail);
        if (contact is null)
        {
            return Page();
        }
        Account.Civility = contact.Civility;
        Account.LastName = contact.LastName;
        Account.FirstName = contact.FirstName;
        Account.NotificationChannel = contact.Notification;
        Account.PhoneNumber = contact.PrimaryPhone;
        Account.SecondaryPhone = contact.SecondaryPhone;
        Account.SecondaryEmail = contact.SecondaryEmail;
        await users.UpdateAsync(Account);
        return Done("Vos coordonnées ont été enregistrées.");
    }

    public async Task<IActionResult> OnPostRemindersAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        if (BookingReminders is not (null or "true"))
        {
            ModelState.AddModelError(nameof(BookingReminders), "Cochez la case ou laissez-la vide.");
            Details = DetailsInput.From(Account);
            Question.SecretQuestion = Account.SecretQuestion;
            return Page();
        }
        Account.BookingRemindersDeclined = BookingReminders is null;
        await users.UpdateAsync(Account);
        return Done(Account.BookingRemindersDeclined
            ? "Vous ne recevrez plus de rappel avant la date limite de réservation."
            : "Vous recevrez un rappel avant la date limite de réservation.");
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        if (string.IsNullOrEmpty(Password.Current))
        {
            ModelState.AddModelError("Password.Current", "Saisissez votre mot de passe actuel.");
        }
        else if (await IsLockedOutAsync("Password.Current"))
        {
            return Page();
        }
        if (PasswordPolicy.Check(Password.New, Account.UserName, Account.HouseholdName) is { } error)
        {
            ModelState.AddModelError("Password.New", error);
        }
        if (Password.New != Password.Confirm)
        {
            ModelState.AddModelError("Password.Confirm", "La confirmation ne correspond pas au nouveau mot de passe.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await db.InTransactionAsync(async token =>
        {
            var result = await users.ChangePasswordAsync(Account, Password.Current!, Password.New!);
            if (!result.Succeeded)
            {
                return result;
            }
            await sessions.EndAllAsync(Account.Id, signIn.CurrentSessionId, token);
            emails.PasswordChangedNotice(Account);
            await db.SaveChangesAsync(token);
            return result;
        }, ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await CountFailureAsync("Password.Current", "Le mot de passe actuel est incorrect.");
            }
            else
            {
                ModelState.AddModelError("Password.New", "Ce mot de passe ne peut pas être utilisé : choisissez-en un autre.");
            }
            return Page();
        }
        await ResetFailuresAsync();
        logger.LogInformation("Mot de passe modifié pour le compte {AccountId}", Account.Id);
        return Done("Votre mot de passe a été modifié. Vos autres connexions ont été fermées.");
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var email = ContactDetails.NormalizeEmail(NewEmail.Email);
        if (email is null)
        {
            ModelState.AddModelError("NewEmail.Email", "Saisissez une adresse email valide, par exemple nom@exemple.fr.");
        }
        else if (email == Account.Email)
        {
            ModelState.AddModelError("NewEmail.Email", "C'est déjà l'adresse de votre compte.");
        }
        else if (await TooManyLinksAsync(ct))
        {
            ModelState.AddModelError("NewEmail.Email", TooManyLinks);
        }
        if (!ModelState.IsValid || !await CheckPasswordAsync(NewEmail.Password, "NewEmail.Password"))
        {
            return Page();
        }
        emails.EmailChangeRequested(Account, email!, await users.GenerateChangeEmailTokenAsync(Account, email!));
        await db.SaveChangesAsync(ct);
        return Done($"Un lien de confirmation a été envoyé à {email}. Votre adresse actuelle reste utilisée tant qu'il n'est pas ouvert.");
    }

    public async Task<IActionResult> OnPostQuestionAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        if (Question.SecretQuestion is null || !SecretAnswer.Questions.Contains(Question.SecretQuestion))
        {
            ModelState.AddModelError("Question.SecretQuestion", "Choisissez une question secrète dans la liste.");
        }
        var answer = Question.SecretAnswer?.Trim();
        if (string.IsNullOrEmpty(answer) || answer.Length > SecretAnswer.MaxLength || SecretAnswer.Normalize(answer).Length == 0)
        {
            ModelState.AddModelError("Question.SecretAnswer", $"Saisissez une réponse de 1 à {SecretAnswer.MaxLength} caractères.");
        }
        if (!ModelState.IsValid || !await CheckPasswordAsync(Question.Password, "Question.Password"))
        {
            return Page();
        }
        Account.SecretQuestion = Question.SecretQuestion;
        Account.SecretAnswerHash = users.PasswordHasher.HashPassword(Account, SecretAnswer.Normalize(answer!));
        await users.UpdateAsync(Account);
        return Done("Votre question secrète a été modifiée.");
    }

    /// <summary>
    /// « Renvoyer le lien de confirmation », from this page or from a basket's summary: a new link to the
    /// account's address while it is not confirmed; the mail held for it leaves once it is opened.
    /// </summary>
    public async Task<IActionResult> OnPostResendConfirmationAsync(string? retour, CancellationToken ct)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        if (Account.EmailConfirmed || Account.Email is null)
        {
            ModelState.AddModelError(string.Empty, "Votre adresse email est déjà confirmée.");
        }
        else if (await TooManyLinksAsync(ct))
        {
            ModelState.AddModelError(string.Empty, TooManyLinks);
        }
        if (!ModelState.IsValid)
        {
            Details = DetailsInput.From(Account);
            Question.SecretQuestion = Account.SecretQuestion;
            return Page();
        }
        emails.ConfirmationLinkAgain(Account, await users.GenerateEmailConfirmationTokenAsync(Account));
        await db.SaveChangesAsync(ct);
        Notice = $"Un nouveau lien de confirmation a été envoyé à {Account.Email}.";
        return Url.IsLocalUrl(retour) ? LocalRedirect(retour) : RedirectToPage();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var json = await export.ExportAsync(Account, ct);
        return File(json, "application/json", "mes-donnees-portail-famille.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        if (!await CheckPasswordAsync(DeletePassword, nameof(DeletePassword)))
        {
            return Page();
        }
        var id = Account.Id;
        await deletion.DeleteAsync(Account, ct);
        await signIn.SignOutAsync(ct);
        logger.LogInformation("Compte {AccountId} supprimé à la demande de son titulaire", id);
        TempData["Notice"] = "Votre compte a été supprimé.";
        return RedirectToPage("/Accounts/SignIn");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }
        Account = account;
        return null;
    }

    /// <summary>The links to confirm an address sent to this account over the last day, counted in the outbox (shared by every server).</summary>
    private async Task<bool> TooManyLinksAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-1);
        var sent = await db.OutboxMessages.CountAsync(m => m.AccountId == Account.Id && m.CreatedAtUtc > since
            && (m.Subject == AccountEmails.ConfirmAddressSubject || m.Subject == AccountEmails.ConfirmNewAddressSubject), ct);
        return sent >= MaxConfirmationLinksPerDay;
    }

    private RedirectToPageResult Done(string message)
    {
        Notice = message;
        return RedirectToPage();
    }
}
