using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Pages.Platform;

/// <summary>The operator's page: the collectivités of the platform.</summary>
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
