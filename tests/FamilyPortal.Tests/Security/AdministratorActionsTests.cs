using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Security;

/// <summary>A credit note, a closure of days already past and the deletion of an activity are administrators' decisions.</summary>
public class AdministratorActionsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static async Task<string> TokenAsync(PageClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));

    [Fact]
    public async Task An_agent_gets_403_for_a_credit_note_and_no_number_is_taken_while_an_administrator_issues_it()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5]);
        await IssueAsync(factory, tenant.MunicipalityId);
        var invoice = Assert.Single(await InvoicesAsync(factory, tenant.MunicipalityId));
        var url = $"/admin/factures/{invoice.Id}";
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var page = await agent.GetPageAsync(url);
        Assert.Null(page.QuerySelector("form[action*='handler=CreditNote']"));

        var refused = await agent.Http.PostAsync($"{url}?handler=CreditNote", Form(await TokenAsync(agent, url),
            ("Credit.Amount", "4,10"), ("Credit.Reason", "Repas facturé à tort"), ("Credit.Version", invoice.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.CreditNotes.AnyAsync(c => c.InvoiceId == invoice.Id)));
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.DocumentCounters.AnyAsync(c => c.Series == DocumentSeries.CreditNote && c.Year == 2026)));

        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var issued = await admin.PostFormAsync(url, new Dictionary<string, string?> { ["Credit.Amount"] = "4,10", ["Credit.Reason"] = "Repas facturé à tort" }, "handler=CreditNote");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal(1, await ReadAsync(factory, tenant.MunicipalityId, db => db.CreditNotes.CountAsync(c => c.InvoiceId == invoice.Id)));
    }

    [Fact]
    public async Task An_agent_gets_403_for_closing_a_day_in_the_past_while_an_administrator_may()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        const string url = "/admin/calendrier/fermetures";
        // The factory's clock is Monday 16/11/2026: Friday 13/11 is past, today and later are not.
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var page = await agent.GetPageAsync(url);
        Assert.Contains("Seul un administrateur peut fermer des jours déjà passés.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        (string, string)[] past = [("Input.Start", "2026-11-13"), ("Input.End", "2026-11-16"), ("Input.Scope", ""), ("Input.Reason", "Grève"), ("ConfirmedCount", "0")];

        var refused = await agent.Http.PostAsync(url, Form(await TokenAsync(agent, url), past));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.Closures.AnyAsync(c => c.Reason == "Grève")));
        var today = await agent.Http.PostAsync(url, Form(await TokenAsync(agent, url),
            ("Input.Start", "2026-11-16"), ("Input.End", ""), ("Input.Scope", ""), ("Input.Reason", "Grève"), ("ConfirmedCount", "0")));
        Assert.Equal(HttpStatusCode.Redirect, today.StatusCode);

        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var closed = await admin.Http.PostAsync(url, Form(await TokenAsync(admin, url),
            ("Input.Start", "2026-11-12"), ("Input.End", "2026-11-13"), ("Input.Scope", ""), ("Input.Reason", "Panne de chauffage"), ("ConfirmedCount", "0")));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.True(await ReadAsync(factory, tenant.MunicipalityId, db => db.Closures.AnyAsync(c => c.Reason == "Panne de chauffage")));
    }

    [Fact]
    public async Task An_agent_gets_403_for_deleting_an_activity_and_it_stays_while_an_administrator_deletes_it()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var spare = await ReadAsync(factory, tenant.MunicipalityId, async db =>
        {
            var kind = await db.ServiceKinds.FirstAsync();
            var activity = new Activity { MunicipalityId = tenant.MunicipalityId, SiteId = tenant.SiteId, ServiceKindId = kind.Id, Label = "GT - ÉTUDE" };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        Assert.Null((await agent.GetPageAsync("/admin/prestations")).QuerySelector("form[action*='handler=Delete']"));

        var refused = await agent.Http.PostAsync($"/admin/prestations?handler=Delete&activityId={spare}", Form(await TokenAsync(agent, "/admin/prestations")));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(await ReadAsync(factory, tenant.MunicipalityId, db => db.Activities.AnyAsync(a => a.Id == spare)));

        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var deleted = await admin.Http.PostAsync($"/admin/prestations?handler=Delete&activityId={spare}", Form(await TokenAsync(admin, "/admin/prestations")));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.Activities.AnyAsync(a => a.Id == spare)));
    }
}
