using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Messages.Admin;

/// <summary>The subjects families choose from when they write, one per line; administrators only.</summary>
[Authorize(Policy = StaffAuthorization.Administrator)]
public class SubjectsModel(Messaging messaging, CurrentMunicipality current) : PageModel
{
    [BindProperty]
    public string? Subjects { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Subjects = string.Join('\n', await messaging.SubjectsAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (names, problem) = MessageRules.Subjects(Subjects);
        if (names is null)
        {
            ModelState.AddModelError(nameof(Subjects), problem!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await messaging.SaveSubjectsAsync(current.Id!.Value, names, ct);
        Notice = "La liste des sujets a été enregistrée.";
        return RedirectToPage();
    }
}
