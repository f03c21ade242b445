using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Invoices;
using FamilyPortal.Web.Features.Invoices.Rules;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using FamilyPortal.Web.Features.Reservations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>
/// « Payer en ligne » in a real browser: a parent of COMMUNE D'ECROUVES (PayFiP in test mode) pays an unpaid invoice
/// on the PayFiP simulator's page, a site of its own, and comes back to the portal, which asks the service for the result;
/// then downloads the attestation fiscale of what it paid the year before.
/// </summary>
public sealed class PaymentJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour payer en ligne";

    [Fact]
    public async Task A_parent_pays_an_invoice_on_the_service_page_sees_it_paid_and_downloads_the_attestation_fiscale()
    {
        var (parent, number) = await FamilyWithAnUnpaidInvoiceAsync();
        // The simulator has no icon; the browser's request for one is not an error of the portal's pages.
        await Page.RouteAsync(new Uri(Fixture.Server.Simulator!.BaseAddress, "/favicon.ico").AbsoluteUri, route => route.FulfillAsync(new() { Status = 204 }));

        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(parent);
        await Page.GetByLabel("Mot de passe").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mes factures" }).ClickAsync();
        await CheckCurrentPageAsync();
        var invoice = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(invoice.GetByRole(AriaRole.Cell).Filter(new() { HasText = "à payer" })).ToHaveCountAsync(1);
        await Expect(invoice).ToContainTextAsync("12,30");

        // The service's page is another site: no checks of ours there, only its buttons.
        await invoice.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Payer en ligne") }).ClickAsync();
        await WaitForAddressAsync(url => url.StartsWith(Fixture.Server.Simulator!.PaymentPageUrl, StringComparison.Ordinal));
        await Expect(Page.GetByText("Montant :")).ToContainTextAsync("12,30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Payer (paiement accepté)" }).ClickAsync();

        // The service's return page posts the operation id back to the portal, which shows what the service says.
        await WaitForAddressAsync(url => url.StartsWith(Fixture.Server.BaseAddress.AbsoluteUri, StringComparison.Ordinal) && url.Contains("/factures/paiement/", StringComparison.Ordinal));
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Paiement en ligne");
        await Expect(Page.GetByText("Résultat : payée")).ToBeVisibleAsync();

        await VisitAsync("/factures");
        invoice = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(invoice.GetByRole(AriaRole.Cell).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^payée$") })).ToHaveCountAsync(1);
        await Expect(invoice.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Payer en ligne") })).ToHaveCountAsync(0);

        // January's question: what the family paid in 2025 for LOU's after-school care, as a PDF for the tax return.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mes attestations" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByLabel("Année des paiements")).ToHaveValueAsync("2025");
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Obtenir l'attestation fiscale (PDF)" }).ClickAsync());
        Assert.Matches("^attestation-AT-2026-[0-9]{6}\\.pdf$", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await VisitAsync("/factures/attestations");
        var made = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Attestation fiscale" });
        await Expect(made).ToContainTextAsync("LOU");
        await Expect(made).ToContainTextAsync(PaidIn2025);
    }

    private const string PaidIn2025 = "9,00";

    /// <summary>Five evenings of after-school care in November 2025, invoiced and paid by cheque in December 2025.</summary>
    private static async Task PaidCareOf2025Async(FamilyPortalDbContext db, int municipalityId, Family family, Child child, int siteId)
    {
        var care = await db.Activities.IgnoreQueryFilters().Where(a => a.SiteId == siteId && a.TaxCreditEligible).OrderBy(a => a.SortOrder).FirstAsync();
        var counter = await db.DocumentCounters.IgnoreQueryFilters()
            .SingleAsync(c => c.MunicipalityId == municipalityId && c.Series == DocumentSeries.Invoice && c.Year == 2025);
        counter.Last++;
        var invoice = new Invoice
        {
            MunicipalityId = municipalityId,
            FamilyId = family.Id,
            Month = new DateOnly(2025, 11, 1),
            Year = 2025,
            Sequence = counter.Last,
            Number = DocumentNumber.Invoice(2025, counter.Last),
            IssuedAtUtc = new DateTime(2025, 12, 2, 8, 0, 0, DateTimeKind.Utc),
            IssueDate = new DateOnly(2025, 12, 2),
            DueDate = new DateOnly(2026, 1, 2),
            HouseholdName = family.HouseholdName,
            Total = 9.00m,
            Paid = 9.00m,
            Status = InvoiceStatus.Paid,
        };
        invoice.Lines.Add(new InvoiceLine
        {
            MunicipalityId = municipalityId,
            Position = 1,
            ChildId = child.Id,
            ChildName = child.FullName,
            ActivityId = care.Id,
            Description = care.Label,
            Quantity = 5,
            UnitPrice = 1.80m,
            Amount = 9.00m,
        });
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        db.Payments.Add(new Payment
        {
            MunicipalityId = municipalityId,
            InvoiceId = invoice.Id,
            Date = new DateOnly(2025, 12, 12),
            Amount = 9.00m,
            Means = PaymentMeans.Cheque,
            Reference = "Chèque n° 0004321",
            RecordedAtUtc = new DateTime(2025, 12, 12, 9, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A new family of Ecrouves with three September meals invoiced (12,30 €: no quotient, the highest tranche), and its parent's account.</summary>
    private async Task<(string Identifiant, string Number)> FamilyWithAnUnpaidInvoiceAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var justice = await db.Sites.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == commune.Id && s.Prefix == "GJ");
        var meal = await db.Activities.IgnoreQueryFilters().SingleAsync(a => a.SiteId == justice.Id && a.Label == "JUSTICE - RESTAURATION");
        var household = "PAYFIP" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var email = $"{household.ToLowerInvariant()}@exemple.fr";
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = household, Email = email };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        var child = new Child { MunicipalityId = commune.Id, FirstName = "LOU", LastName = household, SiteId = justice.Id, BirthDate = new DateOnly(2022, 3, 14) };
        family.Children.Add(child);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        await PaidCareOf2025Async(db, commune.Id, family, child, justice.Id);
        foreach (var day in new[] { 7, 8, 10 })
        {
            db.Bookings.Add(new Booking { MunicipalityId = commune.Id, ChildId = child.Id, ActivityId = meal.Id, Date = new DateOnly(2026, 9, day) });
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount { UserName = household.ToLowerInvariant(), Email = email, EmailConfirmed = true, LastName = household, FirstName = "Parent" };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        db.Memberships.Add(new Membership { MunicipalityId = commune.Id, FamilyId = family.Id, AccountId = account.Id });
        await db.SaveChangesAsync();

        // September is issued as the town hall would: every family of the month, this one included.
        db.Tenant.Enter(commune.Id);
        var issuer = scope.ServiceProvider.GetRequiredService<InvoiceIssuer>();
        await issuer.IssueAsync(commune.Id, new BillingMonth(2026, 9), issuer.DefaultDueDate, expected: null, default);
        var number = await db.Invoices.Where(i => i.FamilyId == family.Id && i.Status != InvoiceStatus.Paid).Select(i => i.Number).SingleAsync();
        return (account.UserName, number);
    }
}
