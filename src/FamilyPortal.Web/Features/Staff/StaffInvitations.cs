using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Features.Staff;

/// <summary>The person to invite, as typed on the form.</summary>
public sealed class StaffInvitationInput
{
    public string? Identifiant { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
}

/// <summary>
/// Invites a staff member: an account without password, tied to the collectivité and its role, and an
/// email whose link (three days, single use) sets the password. The authenticator is enrolled at the
/// first sign-in. The caller saves and commits: account and email go together or not at all.
/// </summary>
public sealed class StaffInvitations(UserManager<PortalAccount> users, EmailOutbox outbox, PublicLinks links, TimeProvider time)
{
    /// <summary>Checks the input; adds French messages under « prefix.Field » keys. Returns the normalised email.</summary>
    public async Task<string?> ValidateAsync(StaffInvitationInput input, string prefix, Action<string, string> error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(error);
        var identifiant = input.Identifiant?.Trim();
        if (Identifiant.Check(identifiant) is { } identifiantError)
        {
            error($"{prefix}.{nameof(input.Identifiant)}", identifiantError);
        }
        else if (await users.FindByNameAsync(identifiant!) is not null)
        {
            error($"{prefix}.{nameof(input.Identifiant)}", "Cet identifiant est déjà utilisé : choisissez-en un autre.");
        }
        var email = ContactDetails.NormalizeEmail(input.Email);
        if (email is null)
        {
            error($"{prefix}.{nameof(input.Email)}", "Saisissez une adresse email valide, par exemple prenom.nom@mairie.fr.");
        }
        if (string.IsNullOrWhiteSpace(input.LastName) || input.LastName.Trim().Length > 100)
        {
            error($"{prefix}.{nameof(input.LastName)}", "Le nom est obligatoire (100 caractères au plus).");
        }
        if (string.IsNullOrWhiteSpace(input.FirstName) || input.FirstName.Trim().Length > 100)
        {
            error($"{prefix}.{nameof(input.FirstName)}", "Le prénom est obligatoire (100 caractères au plus).");
        }
        return email;
    }

    /// <summary>Creates the account and queues the email; the input must have been validated.</summary>
    public async Task<PortalAccount> InviteAsync(StaffInvitationInput input, string email, int municipalityId, string municipalityName, string role)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = new PortalAccount
        {
            UserName = input.Identifiant!.Trim(),
            Email = email,
            EmailConfirmed = true,
            FirstName = input.FirstName!.Trim(),
            LastName = input.LastName!.Trim().ToUpperInvariant(),
            StaffMunicipalityId = municipalityId,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(account));
        Check(await users.AddToRoleAsync(account, role));
        var token = await users.GenerateUserTokenAsync(account, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = email,
            ToName = $"{account.FirstName} {account.LastName}",
            Subject = $"Invitation au Portail Famille – {municipalityName}",
            Greeting = $"Bonjour {account.FirstName} {account.LastName},",
            Paragraphs =
            [
                $"Un compte « {RoleLabel(role)} » du Portail Famille a été ouvert pour vous au nom de {municipalityName}.",
                $"Votre identifiant : {account.UserName}",
                "Cliquez sur le lien ci-dessous pour choisir votre mot de passe. Ce lien est valable 3 jours et ne sert qu'une fois.",
                "À votre première connexion, il vous sera demandé d'installer une application d'authentification sur votre téléphone : un code de cette application vous sera demandé à chaque connexion.",
            ],
            Action = new EmailLink("Choisir mon mot de passe",
                links.Absolute("/invitation", new Dictionary<string, string?> { ["compte"] = account.Id, ["jeton"] = token })),
            MunicipalityId = municipalityId,
            MunicipalityName = municipalityName,
        });
        return account;
    }

    public static string RoleLabel(string role) => role == Roles.Administrator ? "Administrateur" : "Agent";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Invitation failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
