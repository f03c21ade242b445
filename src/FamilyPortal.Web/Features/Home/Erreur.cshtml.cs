using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Home;

/// <summary>The error page: a French message, never a stack trace nor a version.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErreurModel : PageModel
{
    public string Title { get; private set; } = "Une erreur est survenue";
    public string Message { get; private set; } = "Veuillez réessayer dans quelques instants.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 404:
                Title = "Page introuvable";
                Message = "La page demandée n'existe pas ou n'est plus disponible.";
                break;
            case 403:
                Title = "Accès refusé";
                Message = "Vous n'avez pas accès à cette page.";
                break;
            case 400:
                Title = "Requête invalide";
                Message = "La demande n'a pas pu être traitée. Rechargez la page puis réessayez.";
                break;
            case 405:
                Title = "Action impossible";
                Message = "Cette adresse ne permet pas cette action. Revenez à la page précédente puis réessayez.";
                break;
            case 413:
                Title = "Fichier trop volumineux";
                Message = "Le fichier envoyé dépasse la taille autorisée (10 Mo pour une pièce justificative). Revenez à la page précédente et choisissez un fichier plus petit.";
                break;
            case 429:
                Title = "Trop de tentatives";
                Message = "Trop de demandes en peu de temps. Patientez quelques minutes puis réessayez.";
                break;
            case 503:
                Title = "Service momentanément indisponible";
                Message = Infrastructure.DatabaseUnavailableMiddleware.Message;
                Response.Headers.RetryAfter = Infrastructure.DatabaseUnavailableMiddleware.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
        }
    }
}
