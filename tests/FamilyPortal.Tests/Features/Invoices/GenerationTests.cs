using System.Net;
using FamilyPortal.Tests.Features.Reservations;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Invoices;

public class GenerationTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task Staff_preview_the_month_then_issue_numbered_invoices_billing_kept_and_late_days_only_and_families_are_emailed()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5]);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [6], CancellationKind.InTime);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [8], CancellationKind.Closure);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [9], CancellationKind.Late);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [12], CancellationKind.Late, justified: true);
        var bernard = await ReservationKit.AddFamilyAsync(factory, tenant, "BERNARD");
        var sam = await ReservationKit.ChildOfAsync(factory, tenant.MunicipalityId, bernard);
        await AddBookingsAsync(factory, tenant.MunicipalityId, sam, tenant.ActivityId, [1, 2]);
        var (_, confirmed) = await LinkAccountAsync(factory, tenant.MunicipalityId, tenant.FamilyId, confirmed: true);
        var (_, unconfirmed) = await LinkAccountAsync(factory, tenant.MunicipalityId, tenant.FamilyId, confirmed: false);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);

        var preview = await agent.GetPageAsync($"{GenerateUrl}?mois=2026-10");

        Assert.Equal("2 facture(s) pour un total de 24,60 €.", Normalize(preview.QuerySelector("[data-testid=apercu-total]")!.TextContent));
        var rows = preview.QuerySelectorAll("tbody tr").Select(r => Normalize(r.TextContent)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("BERNARD Sam BERNARD : GT - RESTAURATION × 2 Sans quotient familial valide : tranche la plus haute. 8,20 €", rows[0], StringComparison.Ordinal);
        Assert.Equal("MARTIN Lou MARTIN : GT - RESTAURATION × 3 ; Lou MARTIN : GT - RESTAURATION – annulation hors délai × 1 16,40 €", rows[1]);
        Assert.Empty(await InvoicesAsync(factory, tenant.MunicipalityId));

        var issued = await agent.SubmitAsync(preview, $"{GenerateUrl}?mois=2026-10", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal("/admin/factures?mois=2026-10", issued.Headers.Location!.OriginalString);
        var list = await agent.GetPageAsync("/admin/factures?mois=2026-10");
        Assert.Contains("2 facture(s) d'octobre 2026 émise(s), n° 2026-000001 à 2026-000002, pour un total de 24,60 €.", TextOf(list), StringComparison.Ordinal);
        var invoices = await InvoicesAsync(factory, tenant.MunicipalityId);
        Assert.Equal([("2026-000001", "BERNARD", 8.20m, true), ("2026-000002", "MARTIN", 16.40m, false)],
            invoices.Select(i => (i.Number, i.HouseholdName, i.Total, i.HighestBracketApplied)));
        var martin = invoices[1];
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 16), InvoiceStatus.ToPay), (martin.IssueDate, martin.DueDate, martin.Status));
        Assert.Equal(
            [("Lou MARTIN", "GT - RESTAURATION", 3, 4.10m, 12.30m, "Tranche A"), ("Lou MARTIN", "GT - RESTAURATION – annulation hors délai", 1, 4.10m, 4.10m, "Tranche A")],
            martin.Lines.OrderBy(l => l.Position).Select(l => (l.ChildName, l.Description, l.Quantity, l.UnitPrice, l.Amount, l.Bracket)));
        Assert.Equal("Tranche A (sans quotient valide)", Assert.Single(invoices[0].Lines).Bracket);

        var toFamily = Assert.Single(await MailToAsync(factory, tenant.FamilyEmail));
        Assert.Equal($"Votre facture 2026-000002 – octobre 2026 – {tenant.Name}", toFamily.Subject);
        Assert.Contains("Montant : 16,40\u00A0€, à régler avant le 16/12/2026.", toFamily.TextBody, StringComparison.Ordinal);
        Assert.Equal("/factures", LinkTo(toFamily, "/factures"));
        Assert.Single(await MailToAsync(factory, confirmed));
        Assert.Empty(await MailToAsync(factory, unconfirmed));
    }

    [Fact]
    public async Task Issuing_the_month_again_duplicates_nothing_and_only_invoices_families_still_without_one_with_the_next_number()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2]);
        Assert.Equal(InvoiceIssuer.Result.Issued, (await IssueAsync(factory, tenant.MunicipalityId)).Result);

        var again = await IssueAsync(factory, tenant.MunicipalityId);

        Assert.Equal(InvoiceIssuer.Result.NothingToIssue, again.Result);
        Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId));

        // A family booked late by the town hall after the issue gets its own invoice, numbered after the others.
        var bernard = await ReservationKit.AddFamilyAsync(factory, tenant, "BERNARD");
        await AddBookingsAsync(factory, tenant.MunicipalityId, await ReservationKit.ChildOfAsync(factory, tenant.MunicipalityId, bernard), tenant.ActivityId, [7]);
        var late = await IssueAsync(factory, tenant.MunicipalityId);

        Assert.Equal((InvoiceIssuer.Result.Issued, 1, "2026-000002"), (late.Result, late.Count, late.FirstNumber));
        Assert.Equal(["2026-000001", "2026-000002"], (await InvoicesAsync(factory, tenant.MunicipalityId)).Select(i => i.Number));
    }

    [Fact]
    public async Task An_issued_invoice_never_changes_when_bookings_of_its_month_change_afterwards()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5]);
        await IssueAsync(factory, tenant.MunicipalityId);
        await ReadAsync(factory, tenant.MunicipalityId, db => db.Bookings.Where(b => b.ChildId == tenant.ChildId && b.Date == Oct(5))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.CancelledAtUtc, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc)).SetProperty(b => b.Cancellation, CancellationKind.InTime)));
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [6, 7]);

        var again = await IssueAsync(factory, tenant.MunicipalityId);

        Assert.Equal(InvoiceIssuer.Result.NothingToIssue, again.Result);
        var invoice = Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId));
        Assert.Equal((12.30m, 3), (invoice.Total, invoice.Lines.Single().Quantity));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Two_simultaneous_issues_of_the_same_month_give_each_family_one_invoice_numbered_without_gap(int round)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1 + round]);
        for (var i = 0; i < 24; i++)
        {
            var family = await ReservationKit.AddFamilyAsync(factory, tenant, $"FAMILLE{i:D2}");
            await AddBookingsAsync(factory, tenant.MunicipalityId, await ReservationKit.ChildOfAsync(factory, tenant.MunicipalityId, family), tenant.ActivityId, [5, 6]);
        }

        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await IssueAsync(factory, tenant.MunicipalityId);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(runs);

        Assert.Equal(25, outcomes.Sum(o => o.Count * (o.Result == InvoiceIssuer.Result.Issued ? 1 : 0)));
        Assert.Single(outcomes, o => o.Result == InvoiceIssuer.Result.Issued);
        var invoices = await InvoicesAsync(factory, tenant.MunicipalityId);
        Assert.Equal(25, invoices.Select(i => i.FamilyId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 25).Select(n => DocumentNumber.Invoice(2026, n)), invoices.Select(i => i.Number));
        Assert.Equal(25, await ReadAsync(factory, tenant.MunicipalityId, db =>
            db.DocumentCounters.Where(c => c.Series == DocumentSeries.Invoice && c.Year == 2026).Select(c => c.Last).SingleAsync()));
        Assert.Equal(25, await ReadAsync(factory, tenant.MunicipalityId, db => db.OutboxMessages.CountAsync(m => m.MunicipalityId == tenant.MunicipalityId && m.Subject.StartsWith("Votre facture"))));
    }

    [Fact]
    public async Task Each_collectivite_numbers_its_own_invoices_from_one()
    {
        var first = await TenantBuilder.CreateAsync(factory);
        var second = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, first.MunicipalityId, first.ChildId, first.ActivityId, [1]);
        await AddBookingsAsync(factory, second.MunicipalityId, second.ChildId, second.ActivityId, [1]);

        await IssueAsync(factory, first.MunicipalityId);
        await IssueAsync(factory, second.MunicipalityId);

        Assert.Equal("2026-000001", Assert.Single(await InvoicesAsync(factory, first.MunicipalityId)).Number);
        Assert.Equal("2026-000001", Assert.Single(await InvoicesAsync(factory, second.MunicipalityId)).Number);
    }

    [Fact]
    public async Task A_month_not_over_cannot_be_issued_and_nothing_is_written()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var november = await agent.GetPageAsync($"{GenerateUrl}?mois=2026-11");
        Assert.Contains("Le mois de novembre 2026 n'est pas terminé : ses factures pourront être émises à partir du 01/12/2026.", TextOf(november), StringComparison.Ordinal);
        var token = november.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        var forced = await agent.Http.PostAsync(GenerateUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token!,
            ["Input.Mois"] = "2026-11",
            ["Input.DueDate"] = "2026-12-20",
            ["Input.ConfirmedCount"] = "1",
            ["Input.ConfirmedTotal"] = "4.10",
        }));

        var page = await PageClient.ParseAsync(forced);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("Le mois de novembre 2026 n'est pas terminé", TextOf(page), StringComparison.Ordinal);
        Assert.Empty(await InvoicesAsync(factory, tenant.MunicipalityId, new BillingMonth(2026, 11)));
    }

    [Theory]
    [InlineData("", "Saisissez la date d'échéance, au format jj/mm/aaaa.")]
    [InlineData("2026-11-15", "La date d'échéance doit être entre aujourd'hui et dans un an.")]
    public async Task A_wrong_due_date_is_refused_next_to_the_field_and_nothing_is_issued(string due, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1]);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);

        var response = await agent.PostFormAsync($"{GenerateUrl}?mois=2026-10", new Dictionary<string, string?> { ["Input.DueDate"] = due });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), "Input.DueDate"));
        Assert.Empty(await InvoicesAsync(factory, tenant.MunicipalityId));
        Assert.Empty(await MailToAsync(factory, tenant.FamilyEmail));
    }

    [Fact]
    public async Task Bookings_changed_after_the_preview_are_shown_again_for_confirmation_and_nothing_is_issued()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1]);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var preview = await agent.GetPageAsync($"{GenerateUrl}?mois=2026-10");
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [2]);

        var response = await agent.SubmitAsync(preview, $"{GenerateUrl}?mois=2026-10", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Les réservations ont changé depuis l'aperçu", TextOf(page), StringComparison.Ordinal);
        Assert.Equal("1 facture(s) pour un total de 8,20 €.", Normalize(page.QuerySelector("[data-testid=apercu-total]")!.TextContent));
        Assert.Empty(await InvoicesAsync(factory, tenant.MunicipalityId));

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(page, GenerateUrl, new Dictionary<string, string?>())).StatusCode);
        Assert.Equal(8.20m, Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId)).Total);
    }

    [Fact]
    public async Task Invoices_list_filters_the_unpaid_ones()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1]);
        await IssueAsync(factory, tenant.MunicipalityId);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);

        var all = await agent.GetPageAsync("/admin/factures");
        var unpaid = await agent.GetPageAsync("/admin/factures?impayees=true");

        Assert.Equal(["2026-000001", BillingRows.OldInvoiceNumber], all.QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()));
        Assert.Equal(["2026-000001"], unpaid.QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()));
        Assert.Contains("à payer", Normalize(unpaid.QuerySelector("tbody tr")!.TextContent), StringComparison.Ordinal);
    }
}
