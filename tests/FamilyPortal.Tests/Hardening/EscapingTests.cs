using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// Markup written into every free-text value of a collectivité (household, children, sites, activities,
/// closures, school years, summaries, the collectivité's own name, its people's names — and whatever table is
/// added later) is shown as text on every page each visitor reaches and in every mail; names that a
/// spreadsheet would run as formulas are neutralised in the CSV exports.
/// </summary>
public sealed class EscapingTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    private static readonly DateOnly BookedFriday = new(2026, 11, 20);

    /// <summary>First names a spreadsheet would take for formulas (OWASP's list: = + - @ tab and carriage return).</summary>
    private static readonly string[] FormulaNames = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://pirate.test\")"];

    [Fact]
    public async Task Markup_typed_anywhere_is_shown_as_text_on_every_page_and_in_every_mail_and_csv_cells_never_run()
    {
        var cast = await Cast.CreateAsync(factory);
        var staffIds = await StaffOfAsync(cast.Mine.MunicipalityId);
        var written = await Poison.ApplyAsync(factory, cast.Mine.MunicipalityId, [cast.Mine.LinkedAccountId!, .. staffIds]);
        Assert.Contains("Families.HouseholdName", written.Keys);
        Assert.Contains("Children.FirstName", written.Keys);
        Assert.Contains("Activities.Label", written.Keys);
        Assert.Contains("Sites.Name", written.Keys);
        await AddFormulaChildrenAsync(cast.Mine);
        var failures = new List<string>();

        // The parent books (basket, « Valider », summary), the agent emails the code and closes that day.
        var parent = cast["parent"].Client;
        var grid = $"/reservations?enfant={cast.Mine.ChildId}&semaine=2026-11-23";
        var gridPage = await parent.GetPageAsync(grid);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.SubmitAsync(gridPage, grid,
            new Dictionary<string, string?> { ["cellule"] = $"{cast.Mine.ActivityId}:2026-11-23" }, "handler=Cell")).StatusCode);
        var withBasket = await parent.GetPageAsync(grid);
        var validated = await parent.SubmitAsync(withBasket, grid, new Dictionary<string, string?>(), "handler=Validate");
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        var summary = validated.Headers.Location!.OriginalString;
        Assert.StartsWith("/panier/recapitulatif/", summary, StringComparison.Ordinal);
        // And one day left in the basket, so that the basket beside the grid and /panier show the names too.
        Assert.Equal(HttpStatusCode.Redirect, (await parent.SubmitAsync(await parent.GetPageAsync(grid), grid,
            new Dictionary<string, string?> { ["cellule"] = $"{cast.Mine.ActivityId}:2026-11-24" }, "handler=Cell")).StatusCode);

        var admin = cast["administrateur"].Client;
        var details = $"/admin/familles/{cast.Mine.FamilyId}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetPageAsync(details), details,
            new Dictionary<string, string?>(), "handler=EmailCode")).StatusCode);
        var csv = await admin.Http.GetAsync($"/admin/reservations?handler=Csv&jour=2026-11-20&prestation={cast.Mine.ActivityId}");
        var closure = new Dictionary<string, string?>
        {
            ["Input.Start"] = "23/11/2026",
            ["Input.End"] = "",
            ["Input.Scope"] = $"a:{cast.Mine.ActivityId}",
            ["Input.Reason"] = HostileValues.AttributeMarker,
        };
        var confirm = await admin.PostFormAsync("/admin/calendrier/fermetures", closure);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await PageClient.ParseAsync(confirm), "/admin/calendrier/fermetures", closure)).StatusCode);

        // Every page each visitor reaches, and the pages that must show the values, as text.
        var pages = await PortalSweep.CheckPagesAsync(factory, cast.Visitors, failures);
        var household = written["Families.HouseholdName"];
        var child = written["Children.FirstName"];
        var activity = written["Activities.Label"];
        var municipality = written["Municipalities.Name"];
        var mustShow = new (Visitor Who, string Url, string[] Values)[]
        {
            (cast["parent"], grid, [child, activity, municipality]),
            (cast["parent"], "/panier", [child, activity]),
            (cast["parent"], summary, [child, activity]),
            (cast["administrateur"], "/admin/familles", [household]),
            (cast["administrateur"], details, [household, child]),
            (cast["administrateur"], $"/admin/reservations?jour=2026-11-20&prestation={cast.Mine.ActivityId}", [child, household, activity]),
            (cast["administrateur"], "/admin/calendrier/fermetures", [HostileValues.AttributeMarker, activity]),
            (cast["opérateur"], "/plateforme", [municipality]),
        };
        foreach (var (who, url, values) in mustShow)
        {
            var response = await who.Client.Http.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            failures.AddRange(MarkupChecks.LiveMarkup(html).Select(p => $"{who.Name} : GET {url} → {p}"));
            failures.AddRange(values.Where(v => !MarkupChecks.ShowsAsText(html, v)).Select(v => $"{who.Name} : GET {url} ne montre pas « {v} » en texte"));
        }
        Assert.True(pages.Count(p => p.IsHtml && MarkupChecks.ShowsAsText(p.Text, household)) >= 3, "the household name was shown on too few pages");

        // The CSV export: every formula neutralised, the names still there.
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        failures.AddRange(MarkupChecks.FormulaCells(csvBytes).Select(c => $"CSV : cellule exécutable « {c} »"));
        var cells = MarkupChecks.Cells(Encoding.UTF8.GetString(csvBytes)).ToList();
        Assert.Contains("'=1+1", cells);
        Assert.Contains("'@SUM(A1)", cells);
        Assert.Contains(child, cells);

        // Mails: the HTML part shows the values as text, the text part as typed, headers carry no markup line.
        var messages = await PortalSweep.CheckMailAsync(factory, failures);
        var fromThisTest = messages.Where(m => (m.TextBody ?? "").Contains(HostileValues.ScriptMarker, StringComparison.Ordinal)
            || (m.TextBody ?? "").Contains(HostileValues.AttributeMarker, StringComparison.Ordinal)).ToList();
        Assert.True(fromThisTest.Count >= 3, $"only {fromThisTest.Count} mails carried the values (validation, code, closure expected)");
        foreach (var message in fromThisTest)
        {
            Assert.True(MarkupChecks.ShowsAsText(message.HtmlBody ?? "", child) || MarkupChecks.ShowsAsText(message.HtmlBody ?? "", household),
                $"mail « {message.Subject} » does not show the names as text");
        }
        Assert.True(failures.Count == 0, PortalSweep.Report(failures));
    }

    private async Task<List<string>> StaffOfAsync(int municipalityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Users.Where(u => u.StaffMunicipalityId == municipalityId).Select(u => u.Id).ToListAsync();
    }

    /// <summary>Children whose names are formulas, booked on the Friday the attendance sheet shows.</summary>
    private async Task AddFormulaChildrenAsync(TenantBuilder.Tenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        foreach (var name in FormulaNames)
        {
            var child = new Child { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, FirstName = name, LastName = name, SiteId = tenant.SiteId };
            db.Children.Add(child);
            await db.SaveChangesAsync();
            db.Bookings.Add(new Booking { MunicipalityId = tenant.MunicipalityId, ChildId = child.Id, ActivityId = tenant.ActivityId, Date = BookedFriday });
        }
        var load = await db.ActivityDayLoads.SingleAsync(l => l.ActivityId == tenant.ActivityId && l.Date == BookedFriday);
        load.Booked += FormulaNames.Length;
        await db.SaveChangesAsync();
    }
}
