using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;
using static FamilyPortal.Tests.Features.Reminders.ReminderKit;

namespace FamilyPortal.Tests.Features.Reminders;

public class UnpaidPageTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task Staff_see_each_unpaid_invoice_with_its_age_its_bracket_and_the_reminders_sent_and_export_it_as_french_csv()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, tenant.MunicipalityId, 10, null, null);
        await AddInvoiceAsync(factory, tenant, "2026-000971", Today.AddDays(-45), paid: 2.30m);
        await RunAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);

        var page = TextOf(await agent.GetPageAsync("/admin/factures/impayes"));
        var csv = await agent.Http.GetAsync("/admin/factures/impayes/Csv");

        Assert.Contains("2026-000971", page, StringComparison.Ordinal);
        Assert.Contains("MARTIN 10,00 € sur 12,30 € 02/10/2026 45 31 à 60 jours n° 1 le 16/11/2026", page, StringComparison.Ordinal);
        Assert.DoesNotContain(BillingRows.OldInvoiceNumber, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Numéro de facture;Foyer;Email;Adresse;Mois facturé;Date d'émission;Date d'échéance;Montant facturé;Reste à payer;Âge (jours);Tranche d'âge;Relances envoyées", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.Equal($"2026-000971;MARTIN;{tenant.FamilyEmail};;décembre 2026;02/09/2026;02/10/2026;12,30;10,00;45;31 à 60 jours;n° 1 le 16/11/2026", row);
    }

    [Fact]
    public async Task Administrators_set_the_reminders_agents_get_403_and_wrong_days_are_refused_in_french_with_nothing_written()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        const string url = "/admin/factures/relances";
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var decreasing = await admin.PostFormAsync(url, new Dictionary<string, string?> { ["Input.Enabled"] = "true", ["Input.First"] = "30", ["Input.Second"] = "10" }, "Save");
        var words = await admin.PostFormAsync(url, new Dictionary<string, string?> { ["Input.First"] = "dix" }, "Save");
        var byAgent = await agent.Http.PostAsync(url + "/Save", new FormUrlEncodedContent([new("Input.First", "10")]));

        Assert.Equal(HttpStatusCode.BadRequest, decreasing.StatusCode);
        Assert.Equal("La relance 2 doit partir plus tard que la relance 1 (plus de 30 jours).", PageClient.ErrorOf(await PageClient.ParseAsync(decreasing), "Input.Second"));
        Assert.Equal("Le délai de la relance 1 est un nombre de jours entre 1 et 365.", PageClient.ErrorOf(await PageClient.ParseAsync(words), "Input.First"));
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        var saved = await admin.PostFormAsync(url, new Dictionary<string, string?>
        {
            ["Input.Enabled"] = "true",
            ["Input.First"] = "15",
            ["Input.Second"] = "45",
            ["Input.Third"] = "",
            ["Input.Text"] = "Régie : 03 83 00 00 00",
        }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var municipality = await ReadAsync(factory, tenant.MunicipalityId, db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == tenant.MunicipalityId));
        Assert.Equal((true, 15, 45, (int?)null, "Régie : 03 83 00 00 00"),
            (municipality.RemindersEnabled, municipality.FirstReminderDays, municipality.SecondReminderDays, municipality.ThirdReminderDays, municipality.ReminderText));
    }
}
