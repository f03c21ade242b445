using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Memberships;

/// <summary>« Adhésion aux collectivités »: the account's collectivités and the code d'adhésion form (step 3 of the guide).</summary>
[Authorize]
[EnableRateLimiting(RateLimiting.Adhesion)]
public class IndexModel(AdhesionJoin join, CurrentMunicipality current) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Set by a successful POST, shown once by the GET that follows (« Information – Adhésion effectuée »).</summary>
    [TempData]
    public string? Joined { get; set; }

    public bool IsStaff => current.IsStaff;

    /// <summary>The platform's operator: no family either.</summary>
    public bool IsOperator => User.IsInRole(Roles.Operator);

    public AdhesionPanel Panel => new(current.Memberships, InDialog: false) { Code = Code };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (current.AccountId is not { } accountId)
        {
            return Challenge();
        }
        var address = RateLimiting.ClientNetwork(HttpContext.Connection.RemoteIpAddress);
        var outcome = await join.JoinAsync(accountId, address, Code, ct);
        if (outcome.Succeeded)
        {
            Joined = outcome.MunicipalityName;
            return RedirectToPage();
        }
        ModelState.AddModelError(nameof(Code), AdhesionMessages.For(outcome));
        Response.StatusCode = outcome.Status == JoinStatus.TooManyAttempts
            ? StatusCodes.Status429TooManyRequests
            : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
