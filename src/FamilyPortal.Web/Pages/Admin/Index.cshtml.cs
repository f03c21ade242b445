using FamilyPortal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Pages.Admin;

/// <summary>Tableau de bord of the collectivité's staff.</summary>
public class IndexModel(CurrentMunicipality current) : PageModel
{
    public string MunicipalityName => current.Name ?? "";

    public void OnGet()
    {
    }
}
