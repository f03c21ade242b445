using System.ComponentModel.DataAnnotations;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>The « Créer un compte » sheet, top and bottom, as the parents' guide shows it.</summary>
public class RegistrationInput
{
    [Display(Name = "Nom de votre foyer")] public string? HouseholdName { get; set; }
    [Display(Name = "Identifiant")] public string? Identifiant { get; set; }
    [Display(Name = "Mot de passe")] public string? Password { get; set; }
    [Display(Name = "Confirmation de mot de passe")] public string? ConfirmPassword { get; set; }
    [Display(Name = "Question secrète")] public string? SecretQuestion { get; set; }
    [Display(Name = "Réponse")] public string? SecretAnswer { get; set; }

    [Display(Name = "Civilité")] public string? Civility { get; set; }
    [Display(Name = "Nom")] public string? LastName { get; set; }
    [Display(Name = "Prénom")] public string? FirstName { get; set; }
    [Display(Name = "Notification")] public string? Notification { get; set; }
    [Display(Name = "Téléphone principal")] public string? PrimaryPhone { get; set; }
    [Display(Name = "Téléphone secondaire")] public string? SecondaryPhone { get; set; }
    [Display(Name = "Email principal")] public string? Email { get; set; }
    [Display(Name = "Email secondaire")] public string? SecondaryEmail { get; set; }
}
