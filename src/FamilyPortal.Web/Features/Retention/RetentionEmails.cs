namespace FamilyPortal.Web.Features.Retention;

/// <summary>The mail of retention: the warning before an unused account is deleted. Nothing personal but the greeting.</summary>
public sealed class RetentionEmails(EmailOutbox outbox, PublicLinks links)
{
    public const string InactiveAccountSubject = "Votre compte Portail Famille va être supprimé";

    /// <summary>Queued in the caller's DbContext; an address never confirmed keeps it held, like the account's other mail.</summary>
    public void InactiveAccountWarning(FamilyPortalDbContext db, PortalAccount account, int years, DateOnly deletedFrom) =>
        outbox.Enqueue(db, new OutgoingEmail
        {
            ToAddress = account.Email!,
            ToName = $"{account.FirstName} {account.LastName}",
            Subject = InactiveAccountSubject,
            Greeting = AccountEmails.Greeting(account),
            Paragraphs =
            [
                $"Vous ne vous êtes pas connecté à votre compte depuis {RetentionText.Years(years)}.",
                $"Pour protéger vos données, il sera supprimé à partir du {FrenchDates.Numeric(deletedFrom)} si vous ne l'utilisez pas d'ici là.",
                "Pour le garder, il suffit de vous connecter. Le dossier de votre famille reste, lui, auprès de votre collectivité.",
            ],
            Action = new EmailLink("Me connecter", links.Absolute("/connexion")),
            AccountId = account.Id,
            AwaitsConfirmationOf = account.EmailConfirmed ? null : account.Id,
        });
}
