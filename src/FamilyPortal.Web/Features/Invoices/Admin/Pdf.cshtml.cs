using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Invoices.Admin;

/// <summary>The PDF of an invoice of the collectivité, for staff.</summary>
public class PdfModel(InvoiceDocuments documents, InvoicePdf pdf, IConfiguration configuration) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int invoiceId, CancellationToken ct)
    {
        var document = await documents.LoadAsync(invoiceId, familyId: null, ct);
        return document is null
            ? NotFound()
            : File(pdf.Render(document, configuration.PlatformName()), "application/pdf", document.FileName);
    }
}
