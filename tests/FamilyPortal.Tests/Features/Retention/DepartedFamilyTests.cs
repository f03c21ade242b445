using System.Net;
using FamilyPortal.Web.Features.Families.Rules;
using FamilyPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;
using static FamilyPortal.Tests.Features.Retention.RetentionKit;

namespace FamilyPortal.Tests.Features.Retention;

/// <summary>
/// « Famille partie »: administrators record the departure (and take it back) and export the file; a year (the
/// default) after the departure the fiches sanitaires, the health change requests and the documents are erased, the rest stays.
/// </summary>
public class DepartedFamilyTests
{
    private const string Allergy = "Arachide (test de conservation)";

    [Fact]
    public async Task An_administrator_records_the_departure_exports_the_file_and_the_health_data_goes_a_year_after_not_before()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var stays = await TenantBuilder.CreateAsync(factory);
        await WriteAllergyAsync(factory, tenant);
        await WriteAllergyAsync(factory, stays);
        var familyRequest = await AddFamilyChangeRequestAsync(factory, tenant);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var url = $"/admin/familles/{tenant.FamilyId}/depart";

        var marked = await admin.PostFormAsync(url, new Dictionary<string, string?> { ["DepartedOn"] = "2026-11-10" }, formAction: "handler=Mark");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 10), await DepartedOnAsync(factory, tenant));
        var page = TextOf(await admin.GetPageAsync(url));
        Assert.Contains("Famille partie le 10/11/2026.", page, StringComparison.Ordinal);
        Assert.Contains("Ses fiches sanitaires et ses pièces justificatives seront effacées le 11/11/2027, 1 an après son départ.", page, StringComparison.Ordinal);
        Assert.Contains("Famille partie le 10/11/2026", TextOf(await admin.GetPageAsync($"/admin/familles/{tenant.FamilyId}")), StringComparison.Ordinal);
        Assert.Contains(await JournalAsync(factory, tenant), j => j.EntityType == nameof(Family) && j.Action == JournalAction.Modified
            && (j.Changes ?? "").Contains(nameof(Family.DepartedOn), StringComparison.Ordinal));

        var export = await admin.SubmitAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string?>(), "handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var json = await export.Content.ReadAsStringAsync();
        Assert.Contains(Allergy, json, StringComparison.Ordinal);
        Assert.Contains("\"partieLe\": \"2026-11-10\"", json, StringComparison.Ordinal);
        Assert.Contains(await JournalAsync(factory, tenant), j => j.Action == JournalAction.Viewed && j.Summary == "Dossier de la famille MARTIN exporté (fiches sanitaires comprises)");

        // Left on 10/11/2026: kept all through 10/11/2027 (Paris), erased from the 11th.
        MoveTo(factory, Utc(2027, 11, 10, 22, 59));
        await RunAsync<DepartedFamilyHealthJob>(factory);
        Assert.Equal((1, 1, 1), await HealthRowsAsync(factory, tenant));

        MoveTo(factory, Utc(2027, 11, 10, 23, 1));
        await RunAsync<DepartedFamilyHealthJob>(factory);
        Assert.Equal((0, 0, 0), await HealthRowsAsync(factory, tenant));
        Assert.Equal((1, 1, 1), await HealthRowsAsync(factory, stays));
        Assert.Contains(familyRequest, await ReadAsync(factory, tenant.MunicipalityId, db => db.ChangeRequests.Select(r => r.Id).ToListAsync()));
        Assert.Equal(["Fiches sanitaires, pièces justificatives et messages de la famille MARTIN, partie le 10/11/2026, effacées après 1 an (conservation des données)"],
            await RetentionJournalAsync(factory, tenant.MunicipalityId));
        // A year later: a new session.
        admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        Assert.Contains("Ses fiches sanitaires et ses pièces justificatives ont été effacées le 11/11/2027", TextOf(await admin.GetPageAsync(url)), StringComparison.Ordinal);

        // Once erased, the family is not visited again.
        await RunAsync<DepartedFamilyHealthJob>(factory);
        Assert.Single(await RetentionJournalAsync(factory, tenant.MunicipalityId));

        // Back, then gone again: the new departure starts a new period.
        await admin.SubmitAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string?>(), "handler=Undo");
        await admin.PostFormAsync(url, new Dictionary<string, string?> { ["DepartedOn"] = "2027-11-11" }, formAction: "handler=Mark");
        Assert.Null(await ReadAsync(factory, tenant.MunicipalityId, db => db.Families.Where(f => f.Id == tenant.FamilyId).Select(f => f.HealthDataErasedAtUtc).SingleAsync()));
        Assert.Contains("Ses fiches sanitaires et ses pièces justificatives seront effacées le 12/11/2028", TextOf(await admin.GetPageAsync(url)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undoing_the_departure_keeps_the_health_data()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var url = $"/admin/familles/{tenant.FamilyId}/depart";
        await admin.PostFormAsync(url, new Dictionary<string, string?> { ["DepartedOn"] = "16/11/2026" }, formAction: "handler=Mark");
        Assert.Equal(new DateOnly(2026, 11, 16), await DepartedOnAsync(factory, tenant));

        var undone = await admin.SubmitAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string?>(), "handler=Undo");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Null(await DepartedOnAsync(factory, tenant));

        MoveTo(factory, Utc(2028, 1, 1, 12));
        await RunAsync<DepartedFamilyHealthJob>(factory);
        Assert.Equal((1, 1, 1), await HealthRowsAsync(factory, tenant));
    }

    [Fact]
    public async Task A_bad_or_future_date_gets_a_french_message_and_writes_nothing()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var url = $"/admin/familles/{tenant.FamilyId}/depart";
        var page = await admin.GetPageAsync(url);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        foreach (var (value, message) in new[]
        {
            ("PIRATE", "Saisissez la date de départ de la famille, au format jj/mm/aaaa."),
            ("", "Saisissez la date de départ de la famille, au format jj/mm/aaaa."),
            ("2026-11-17", "La date de départ ne peut pas être après aujourd'hui : enregistrez le départ le jour venu."),
        })
        {
            var response = await admin.SubmitAsync(page, url, new Dictionary<string, string?> { ["DepartedOn"] = value }, "handler=Mark");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), "DepartedOn"));
        }
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task Agents_see_the_departure_but_may_not_record_undo_it_or_export()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var url = $"/admin/familles/{tenant.FamilyId}/depart";
        var page = await agent.GetPageAsync(url);
        Assert.Contains("Seuls les administrateurs enregistrent un départ et exportent le dossier.", TextOf(page), StringComparison.Ordinal);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var adminPage = await admin.GetPageAsync(url);

        foreach (var handler in new[] { "Mark", "Undo", "Export" })
        {
            // The administrator's form, posted with the agent's session and token.
            var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value");
            var response = await agent.Http.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token!,
                ["DepartedOn"] = "2026-11-10",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.NotNull(adminPage.QuerySelector("form[action*='handler=Mark']"));
        Assert.Null(await DepartedOnAsync(factory, tenant));
    }

    private static async Task WriteAllergyAsync(PortalFactory factory, TenantBuilder.Tenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var record = await db.HealthRecords.SingleAsync(h => h.ChildId == tenant.ChildId);
        record.SealedSheet = scope.ServiceProvider.GetRequiredService<SensitiveData>().SealJson(HealthSheet.Empty with { FoodAllergies = Allergy });
        await db.SaveChangesAsync();
    }

    private static async Task<int> AddFamilyChangeRequestAsync(PortalFactory factory, TenantBuilder.Tenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var request = new ChangeRequest
        {
            MunicipalityId = tenant.MunicipalityId,
            FamilyId = tenant.FamilyId,
            Section = ChangeSection.Family,
            FieldsSummary = "Commune",
            Values = "{}",
            Status = ChangeRequestStatus.Accepted,
        };
        db.ChangeRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private static Task<DateOnly?> DepartedOnAsync(PortalFactory factory, TenantBuilder.Tenant tenant) =>
        ReadAsync(factory, tenant.MunicipalityId, db => db.Families.Where(f => f.Id == tenant.FamilyId).Select(f => f.DepartedOn).SingleAsync());

    /// <summary>The fiches sanitaires of the family's children, its change requests of a fiche sanitaire and its documents.</summary>
    private static Task<(int Sheets, int Requests, int Documents)> HealthRowsAsync(PortalFactory factory, TenantBuilder.Tenant tenant) =>
        ReadAsync(factory, tenant.MunicipalityId, async db => (
            await db.HealthRecords.CountAsync(h => h.Child!.FamilyId == tenant.FamilyId),
            await db.ChangeRequests.CountAsync(r => r.FamilyId == tenant.FamilyId && r.Section == ChangeSection.Health),
            await db.Set<SupportingDocument>().CountAsync(d => d.FamilyId == tenant.FamilyId)));

    private static Task<List<JournalEntry>> JournalAsync(PortalFactory factory, TenantBuilder.Tenant tenant) =>
        ReadAsync(factory, tenant.MunicipalityId, db => db.JournalEntries.AsNoTracking().OrderBy(j => j.Id).ToListAsync());
}
