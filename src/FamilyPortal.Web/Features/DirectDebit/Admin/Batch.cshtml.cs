using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit.Admin;

/// <summary>A debit file: its invoices, the file to download for the bank, and the rejects staff enter line by line.</summary>
public class BatchModel(FamilyPortalDbContext db, CurrentMunicipality current, DebitBatchBuilder builder, DebitRejects rejects) : PageModel
{
    public sealed record LineRow(DebitBatchLine Line, string Number, string Household, string Mandate, string MaskedIban);

    public DebitBatch Batch { get; private set; } = null!;
    public IReadOnlyList<LineRow> Lines { get; private set; } = [];

    [BindProperty] public string? Reason { get; set; }

    /// <summary>The line whose reject was refused, to show the message next to its list.</summary>
    public int? FailedLineId { get; private set; }

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int batchId, CancellationToken ct) =>
        await LoadAsync(batchId, ct) ? Page() : NotFound();

    /// <summary>The pain.008 file, as an attachment.</summary>
    public async Task<IActionResult> OnGetFileAsync(int batchId, CancellationToken ct)
    {
        var batch = await db.DebitBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        return batch is null ? NotFound() : File(builder.OpenFile(batch), "application/xml", $"{batch.MessageId}.xml");
    }

    public async Task<IActionResult> OnPostRejectAsync(int batchId, int debitLineId, CancellationToken ct)
    {
        if (!await db.DebitBatchLines.AnyAsync(l => l.Id == debitLineId && l.DebitBatchId == batchId && DebitRejects.Rejectable.Contains(l.Status), ct))
        {
            return NotFound();
        }
        var code = Reason?.Trim().ToUpperInvariant() ?? "";
        if (!RejectReasons.Labels.ContainsKey(code))
        {
            FailedLineId = debitLineId;
            ModelState.AddModelError(nameof(Reason), "Choisissez le motif de rejet donné par la banque dans la liste.");
            await LoadAsync(batchId, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await rejects.RejectAsync(batchId, debitLineId, code, current.AccountId!, ct))
        {
            return NotFound();
        }
        Notice = "Le rejet est enregistré : la facture est de nouveau à payer et la famille est prévenue par email.";
        return RedirectToPage(new { batchId });
    }

    private async Task<bool> LoadAsync(int batchId, CancellationToken ct)
    {
        var batch = await db.DebitBatches.AsNoTracking().Include(b => b.Lines).SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return false;
        }
        Batch = batch;
        var invoiceIds = batch.Lines.Select(l => l.InvoiceId).ToList();
        var mandateIds = batch.Lines.Select(l => l.MandateId).ToList();
        var invoices = await db.Invoices.AsNoTracking().Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var mandates = await db.DebitMandates.AsNoTracking().Where(m => mandateIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        Lines = batch.Lines.OrderBy(l => l.Id).Select(l => new LineRow(l, invoices[l.InvoiceId].Number, invoices[l.InvoiceId].HouseholdName,
            mandates[l.MandateId].Reference, mandates[l.MandateId].MaskedIban)).ToList();
        return true;
    }
}
