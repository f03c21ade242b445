using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Attestations;

/// <summary>
/// A collectivité ready for attestations fiscales: its SIRET and signatory, an eligible evening activity beside the
/// test canteen, Lou born in 2021, and two invoices of late 2025 — November's half paid in December 2025, December's
/// paid in January 2026.
/// </summary>
public static class AttestationKit
{
    public const string Url = "/factures/attestations";
    public const string Siret = "21540323600015";
    public const string Evening = "GT - PERI SOIR";

    public sealed record World(TenantBuilder.Tenant Tenant, int EveningId);

    public static async Task<World> CreateAsync(PortalFactory factory, bool configured = true)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var eveningId = await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Id == tenant.MunicipalityId);
            if (configured)
            {
                (municipality.Siret, municipality.SignatoryName, municipality.SignatoryTitle) = (Siret, "Marie DURAND", "Maire");
            }
            (await db.Children.SingleAsync(c => c.Id == tenant.ChildId)).BirthDate = new DateOnly(2021, 5, 10);
            var kind = new ServiceKind { MunicipalityId = tenant.MunicipalityId, Name = "Périscolaire" };
            var evening = new Activity { MunicipalityId = tenant.MunicipalityId, SiteId = tenant.SiteId, ServiceKind = kind, Label = Evening, UnitPrice = 2.5m, TaxCreditEligible = true };
            db.Activities.Add(evening);
            await db.SaveChangesAsync();
            await AddInvoiceAsync(db, tenant, evening.Id, 11, 40, 40, (new DateOnly(2025, 12, 20), 40m));
            await AddInvoiceAsync(db, tenant, evening.Id, 12, 10, 10, (new DateOnly(2026, 1, 10), 20m));
            return evening.Id;
        });
        return new World(tenant, eveningId);
    }

    private static async Task AddInvoiceAsync(FamilyPortalDbContext db, TenantBuilder.Tenant tenant, int eveningId, int month, decimal evenings, decimal meals,
        (DateOnly Date, decimal Amount) payment)
    {
        var invoice = new Invoice
        {
            MunicipalityId = tenant.MunicipalityId,
            FamilyId = tenant.FamilyId,
            Month = new DateOnly(2025, month, 1),
            Year = 2025,
            Sequence = month * 10,
            Number = $"2025-0000{month}0",
            IssueDate = new DateOnly(2025, month, 28),
            DueDate = new DateOnly(2026, 1, 5),
            HouseholdName = "MARTIN",
            Total = evenings + meals,
            Paid = payment.Amount,
            Status = InvoiceStatus.PartiallyPaid,
        };
        invoice.Lines.Add(new InvoiceLine { MunicipalityId = tenant.MunicipalityId, Position = 1, ChildId = tenant.ChildId, ChildName = "Lou MARTIN", ActivityId = eveningId, Description = Evening, Quantity = 1, UnitPrice = evenings, Amount = evenings });
        invoice.Lines.Add(new InvoiceLine { MunicipalityId = tenant.MunicipalityId, Position = 2, ChildId = tenant.ChildId, ChildName = "Lou MARTIN", ActivityId = tenant.ActivityId, Description = "GT - RESTAURATION", Quantity = 1, UnitPrice = meals, Amount = meals });
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        db.Payments.Add(new Payment { MunicipalityId = tenant.MunicipalityId, InvoiceId = invoice.Id, Date = payment.Date, Amount = payment.Amount, Means = PaymentMeans.Cheque });
        await db.SaveChangesAsync();
    }

    public static Dictionary<string, string?> Tax(int childId, int year) =>
        new() { ["Tax.ChildId"] = childId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Tax.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static Dictionary<string, string?> Presence(int childId, string from, string to) =>
        new() { ["Attendance.ChildId"] = childId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Attendance.From"] = from, ["Attendance.To"] = to };

    public static Task<HttpResponseMessage> PostAsync(PageClient parent, string handler, Dictionary<string, string?> values) =>
        parent.PostFormAsync(Url, values, $"handler={handler}");

    public static async Task<string> PdfTextAsync(PageClient parent, HttpResponseMessage redirect)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, redirect.StatusCode);
        var response = await parent.Http.GetAsync(redirect.Headers.Location);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return Invoices.PdfTests.TextOfPdf(await response.Content.ReadAsByteArrayAsync());
    }

    public static Task<List<Attestation>> AttestationsAsync(PortalFactory factory, int municipalityId) =>
        ReadAsync(factory, municipalityId, db => db.Attestations.AsNoTracking().Include(a => a.Lines).OrderBy(a => a.Id).ToListAsync());
}
