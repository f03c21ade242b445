using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Invoices;

public class PdfTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    /// <summary>The text of every page, in reading order, spaces normalised.</summary>
    public static string TextOfPdf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Normalize(string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))));
    }

    [Fact]
    public async Task The_pdf_shows_the_collectivite_the_family_the_lines_the_totals_the_due_date_and_the_payment_status()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await ReadAsync(factory, tenant.MunicipalityId, db => db.Municipalities.Where(m => m.Id == tenant.MunicipalityId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.PostalAddress, "Mairie de Test\n1 place de la Mairie, 54200 Testville")));
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5]);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [9], CancellationKind.Late);
        await IssueAsync(factory, tenant.MunicipalityId);
        var invoice = Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId));
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync($"/admin/factures/{invoice.Id}",
            new Dictionary<string, string?> { ["Payment.Date"] = "2026-11-16", ["Payment.Amount"] = "10", ["Payment.Means"] = "Transfer" }, "handler=Payment")).StatusCode);

        var response = await agent.Http.GetAsync($"/admin/factures/{invoice.Id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("facture-2026-000001.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var text = TextOfPdf(await response.Content.ReadAsByteArrayAsync());
        foreach (var expected in new[]
        {
            tenant.Name, "Mairie de Test", "1 place de la Mairie, 54200 Testville",
            "Facture n° 2026-000001", "Famille : MARTIN", "Période facturée : octobre 2026",
            "Date d'émission : 16/11/2026", "Date d'échéance : 16/12/2026",
            "Enfant Prestation Quantité Prix unitaire Montant",
            "Lou MARTIN GT - RESTAURATION 3 4,10 € 12,30 €",
            "Lou MARTIN GT - RESTAURATION – annulation hors délai 1 4,10 € 4,10 €",
            "Total de la facture 16,40 €", "Paiement du 16/11/2026 (Virement) -10,00 €", "Reste à payer 6,40 €",
            "Statut du paiement : partiellement payée",
        })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"« {expected} » not in the PDF text: {text}");
        }
        Assert.DoesNotContain("tranche la plus haute", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_quotient_the_pdf_says_the_highest_tranche_was_applied()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await ReadAsync(factory, tenant.MunicipalityId, db => db.FamilyQuotients.Where(q => q.FamilyId == tenant.FamilyId).ExecuteDeleteAsync());
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1]);
        await IssueAsync(factory, tenant.MunicipalityId);
        var invoice = Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId));
        var agent = await StaffAsync(factory, tenant.MunicipalityId);

        var text = TextOfPdf(await agent.Http.GetByteArrayAsync($"/admin/factures/{invoice.Id}/pdf"));

        Assert.Contains("le tarif de la tranche la plus haute a été appliqué", text, StringComparison.Ordinal);
        Assert.Contains("Tranche A (sans quotient valide)", text, StringComparison.Ordinal);
        Assert.Contains("Statut du paiement : à payer", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_another_collectivite_get_404_for_the_pdf()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var oldInvoice = await ReadAsync(factory, tenant.MunicipalityId, db => db.Invoices.Select(i => i.Id).SingleAsync());
        var agent = await StaffAsync(factory, other.MunicipalityId, Roles.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/factures/{oldInvoice}/pdf")).StatusCode);
    }
}
