using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>The emails of the account feature, each put in the outbox of the caller's transaction.</summary>
public sealed class AccountEmails(FamilyPortalDbContext db, EmailOutbox outbox, PublicLinks links, AdhesionCodeVault codes)
{
    /// <summary>Email 1 of the guide: the identifiant and a link that confirms the address and opens the sign-in.</summary>
    public void AccountCreated(PortalAccount account, string confirmationToken) =>
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = account.Email!,
            ToName = $"{account.FirstName} {account.LastName}",
            Subject = "Votre compte Portail Famille",
            Greeting = Greeting(account),
            Paragraphs =
            [
                "Votre compte a bien été créé.",
                $"Votre identifiant : {account.UserName}",
                "Cliquez sur le lien ci-dessous pour confirmer votre adresse email et vous connecter directement à votre compte.",
            ],
            Action = new EmailLink("Confirmer mon adresse et me connecter",
                links.Absolute("/confirmer-email", new Dictionary<string, string?> { ["compte"] = account.Id, ["jeton"] = confirmationToken })),
        });

    /// <summary>
    /// Email 2 of the guide, once per family file registered with this address in any collectivité. The
    /// code only ever goes to the address the collectivité itself registered.
    /// </summary>
    public async Task<int> AdhesionCodesAsync(PortalAccount account, CancellationToken ct)
    {
        var email = account.Email!;
        var families = await db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(f => f.Email == email && !f.AdhesionCodeRevoked)
            .Select(f => new { f.MunicipalityId, MunicipalityName = f.Municipality!.Name, f.HouseholdName, f.AdhesionCodeProtected })
            .ToListAsync(ct);
        foreach (var family in families)
        {
            var code = codes.Reveal(family.AdhesionCodeProtected);
            outbox.Enqueue(new OutgoingEmail
            {
                ToAddress = email,
                ToName = family.HouseholdName,
                Subject = $"Votre code d'adhésion – {family.MunicipalityName}",
                Greeting = Greeting(account),
                Paragraphs =
                [
                    $"La collectivité {family.MunicipalityName} vous a enregistré sous le foyer {family.HouseholdName}.",
                    $"Votre code d'adhésion, personnel et propre à votre famille : {code}",
                    "Pour l'utiliser : connectez-vous à votre espace, cliquez sur « Mes réservations », puis sur « Cliquez ici pour gérer vos abonnements », saisissez ce code et cliquez sur « Valider ».",
                    "Ne communiquez ce code à personne d'autre que les responsables de l'enfant.",
                ],
                Action = new EmailLink("Gérer mes abonnements", links.Absolute("/adhesions")),
                MunicipalityId = family.MunicipalityId,
                MunicipalityName = family.MunicipalityName,
            });
        }
        return families.Count;
    }

    public void PasswordReset(PortalAccount account, string token) =>
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = account.Email!,
            Subject = "Réinitialisation de votre mot de passe",
            Greeting = Greeting(account),
            Paragraphs =
            [
                $"Une demande de nouveau mot de passe a été faite pour l'identifiant {account.UserName}.",
                "Ce lien est valable une heure et ne sert qu'une fois. Il vous sera demandé la réponse à votre question secrète.",
                "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
            ],
            Action = new EmailLink("Choisir un nouveau mot de passe",
                links.Absolute("/reinitialiser-mot-de-passe", new Dictionary<string, string?> { ["compte"] = account.Id, ["jeton"] = token })),
        });

    public void Identifiants(string email, IReadOnlyList<string> identifiants) =>
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = email,
            Subject = "Vos identifiants Portail Famille",
            Paragraphs =
            [
                identifiants.Count == 1
                    ? "Voici l'identifiant du compte associé à cette adresse email :"
                    : "Voici les identifiants des comptes associés à cette adresse email :",
                string.Join("\n", identifiants.Select(i => "• " + i)),
                "Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer ce message.",
            ],
            Action = new EmailLink("Me connecter", links.Absolute("/connexion")),
        });

    public void EmailChangeRequested(PortalAccount account, string newEmail, string token) =>
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = newEmail,
            Subject = "Confirmez votre nouvelle adresse email",
            Greeting = Greeting(account),
            Paragraphs =
            [
                $"Vous avez demandé à utiliser cette adresse pour le compte {account.UserName}.",
                "Cliquez sur le lien ci-dessous pour la confirmer. Tant qu'elle n'est pas confirmée, l'ancienne adresse reste utilisée.",
            ],
            Action = new EmailLink("Confirmer ma nouvelle adresse",
                links.Absolute("/mon-compte/confirmer-email", new Dictionary<string, string?>
                {
                    ["compte"] = account.Id,
                    ["email"] = newEmail,
                    ["jeton"] = token,
                })),
        });

    public void EmailChangedNotice(PortalAccount account, string oldEmail, string newEmail) =>
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = oldEmail,
            Subject = "L'adresse email de votre compte a changé",
            Greeting = Greeting(account),
            Paragraphs =
            [
                $"L'adresse email du compte {account.UserName} est désormais {newEmail}.",
                "Si vous n'êtes pas à l'origine de ce changement, contactez votre mairie sans attendre.",
            ],
        });

    public void PasswordChangedNotice(PortalAccount account) =>
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = account.Email!,
            Subject = "Votre mot de passe a été modifié",
            Greeting = Greeting(account),
            Paragraphs =
            [
                $"Le mot de passe du compte {account.UserName} vient d'être modifié et les autres connexions ont été fermées.",
                "Si vous n'êtes pas à l'origine de ce changement, utilisez « Mot de passe oublié » et contactez votre mairie.",
            ],
            AwaitsConfirmationOf = account.EmailConfirmed ? null : account.Id,
        });

    internal static string Greeting(PortalAccount account) => account.Civility switch
    {
        "M." => $"Bonjour Monsieur {account.LastName},",
        "Mme" => $"Bonjour Madame {account.LastName},",
        _ => $"Bonjour {account.FirstName} {account.LastName},",
    };
}
