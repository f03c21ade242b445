using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>The PDF of one of the parent's own invoices; any other invoice number answers 404.</summary>
[Authorize]
public class PdfModel(InvoiceDocuments documents, InvoicePdf pdf, CurrentMunicipality current, IConfiguration configuration) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int invoiceId, CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return NotFound();
        }
        var document = await documents.LoadAsync(invoiceId, familyId, ct);
        return document is null
            ? NotFound()
            : File(pdf.Render(document, configuration.PlatformName()), "application/pdf", document.FileName);
    }
}
