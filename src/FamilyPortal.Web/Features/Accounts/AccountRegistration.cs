using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>Creates a parent account and its two emails in one transaction: all of it or nothing.</summary>
public sealed class AccountRegistration(
    FamilyPortalDbContext db,
    UserManager<PortalAccount> users,
    AccountEmails emails,
    TimeProvider time,
    ILogger<AccountRegistration> logger)
{
    public sealed record NewAccount(
        string HouseholdName, string Identifiant, string Password, string SecretQuestion, string SecretAnswer, ContactDetails Contact);

    /// <summary>Returns the created account, or null when the identifiant was taken in the meantime.</summary>
    public Task<PortalAccount?> CreateAsync(NewAccount input, CancellationToken ct) =>
        db.InTransactionAsync<PortalAccount?>(async token =>
        {
            var contact = input.Contact;
            var account = new PortalAccount
            {
                UserName = input.Identifiant,
                Email = contact.Email,
                HouseholdName = input.HouseholdName,
                Civility = contact.Civility,
                LastName = contact.LastName,
                FirstName = contact.FirstName,
                NotificationChannel = contact.Notification,
                PhoneNumber = contact.PrimaryPhone,
                SecondaryPhone = contact.SecondaryPhone,
                SecondaryEmail = contact.SecondaryEmail,
                SecretQuestion = input.SecretQuestion,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            account.SecretAnswerHash = users.PasswordHasher.HashPassword(account, SecretAnswer.Normalize(input.SecretAnswer));
            var created = await users.CreateAsync(account, input.Password);
            if (!created.Succeeded)
            {
                if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
                {
                    return null;
                }
                throw new InvalidOperationException("Account creation failed: " + string.Join(", ", created.Errors.Select(e => e.Code)));
            }
            var token2 = await users.GenerateEmailConfirmationTokenAsync(account);
            emails.AccountCreated(account, token2);
            var codes = await emails.AdhesionCodesAsync(account, token);
            await db.SaveChangesAsync(token);
            logger.LogInformation("Compte {AccountId} créé ; {CodeEmails} courriel(s) de code d'adhésion", account.Id, codes);
            return account;
        }, ct);
}
