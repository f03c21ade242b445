using Microsoft.AspNetCore.Mvc;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>What the « Prélèvement automatique » block shows a parent: the collectivité's terms, the family's active mandate, the form.</summary>
public sealed record MandateBlock(DebitMandates.Terms Terms, DebitMandate? Active, MandateInput Input, string? Notice, DateOnly Today)
{
    public const string NoticeKey = "DirectDebitNotice";
}

/// <summary>The block of « Mes factures », for a parent with a family in the selected collectivité.</summary>
public sealed class DirectDebitBlockViewComponent(CurrentMunicipality current, DebitMandates mandates, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (current is not { IsParent: true, FamilyId: { } familyId, Id: { } municipalityId })
        {
            return Content("");
        }
        var ct = HttpContext.RequestAborted;
        var terms = await mandates.TermsAsync(municipalityId, ct);
        var active = await mandates.ActiveAsync(familyId, ct);
        if (!terms.Offered && active is null)
        {
            return Content("");
        }
        var notice = TempData[MandateBlock.NoticeKey] as string;
        return View("/Features/DirectDebit/_MandateBlock.cshtml", new MandateBlock(terms, active, new MandateInput(), notice, ParisClock.Today(time.GetUtcNow(), ParisClock.Zone)));
    }
}
