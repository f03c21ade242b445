using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>What the tests of FamilyImportTests and FamilyImportRefusalTests share.</summary>
public abstract class FamilyImportTestsBase(AccountsFactory factory)
{
    protected AccountsFactory Factory { get; } = factory;

    protected const string Header = "Référence;Nom du foyer;Email;Téléphone;Responsable 1 civilité;Responsable 1 nom;Responsable 1 prénom;Responsable 1 lien;Responsable 1 portable;Responsable 2 nom;Responsable 2 prénom;Responsable 2 lien;Enfant nom;Enfant prénom;Date de naissance;Site;Classe";

    /// <summary>Three families: one with two children (family columns left empty on its second line), quoted fields, one without child.</summary>
    protected const string Families =
        Header + "\r\n" +
        "F-1;LECŒUR;famille.lecoeur@exemple.test;03 83 00 00 00;Mme;LECŒUR;Françoise;Mère;06 12 34 56 78;LECŒUR;Jérôme;Père;LECŒUR;Maël;21/01/2017;Groupe scolaire Test;CE1\r\n" +
        "F-1;;;;;;;;;;;;LECŒUR;Zoé;03/09/2019;GT;GS\r\n" +
        "F-2;\"GARÇON; dit \"\"le grand\"\"\";garcon@exemple.test;;M.;GARÇON;Noël;\"Tuteur; garde alternée\";;;;;GARÇON;Chloé;2018-06-30;;\r\n" +
        "F-3;SANSENFANT;sans@exemple.test;;;SANS;Jean;;;;;;;;;;\r\n";

    protected async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(Factory);
        return (tenant, await AgentOfAsync(tenant));
    }

    protected async Task<PageClient> AgentOfAsync(TenantBuilder.Tenant tenant) =>
        await StaffJourney.SignInAsync(Factory, await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent));

    protected async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db);
    }

    protected Task<List<Family>> FamiliesAsync(int municipalityId) => ReadAsync(db => db.Families.IgnoreQueryFilters().AsNoTracking()
        .Include(f => f.Adults).Include(f => f.Children).Where(f => f.MunicipalityId == municipalityId).OrderBy(f => f.Id).ToListAsync());

    /// <summary>Every row an import could write in the collectivité, to prove that nothing was.</summary>
    protected Task<string> SnapshotAsync(int municipalityId) => ReadAsync(async db =>
    {
        var families = await db.Families.IgnoreQueryFilters().Where(f => f.MunicipalityId == municipalityId)
            .Select(f => $"{f.Id}:{f.HouseholdName}:{f.Email}:{f.Version}").ToListAsync();
        var adults = await db.ResponsibleAdults.IgnoreQueryFilters().CountAsync(a => a.MunicipalityId == municipalityId);
        var children = await db.Children.IgnoreQueryFilters().Where(c => c.MunicipalityId == municipalityId)
            .Select(c => $"{c.Id}:{c.FirstName}:{c.SchoolClass}:{c.Version}").ToListAsync();
        var imported = await db.FamilyImportDrafts.IgnoreQueryFilters().CountAsync(d => d.MunicipalityId == municipalityId && d.ImportedAtUtc != null);
        return $"{string.Join(',', families)}|{adults}|{string.Join(',', children)}|{imported}";
    });

    protected static byte[] Utf8WithMark(string text) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];

    protected static async Task<HttpResponseMessage> UploadAsync(PageClient agent, byte[] bytes, string fileName = "familles.csv")
    {
        var page = await agent.GetPageAsync("/admin/familles/import");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", fileName);
        return await agent.Http.PostAsync("/admin/familles/import", content);
    }

    /// <summary>Uploads the file and returns its preview's address.</summary>
    protected static async Task<string> PreviewAsync(PageClient agent, byte[] bytes)
    {
        var response = await UploadAsync(agent, bytes);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/familles/import/", url, StringComparison.Ordinal);
        return url;
    }

    /// <summary>« Importer ces familles », with the fingerprint the preview page shows.</summary>
    protected static async Task<HttpResponseMessage> ConfirmAsync(PageClient agent, IHtmlDocument preview, string url) =>
        await agent.SubmitAsync(preview, url, new Dictionary<string, string?>(), formAction: null);

    /// <summary>A confirmation posted directly (a page without the confirm button, another's id).</summary>
    protected static async Task<HttpResponseMessage> PostConfirmAsync(PageClient agent, string url)
    {
        var token = (await agent.GetPageAsync("/admin/familles/import")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await agent.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Fingerprint"] = "" }));
    }

    protected static List<(int Line, string Message)> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll("table.import-errors tbody tr")
            .Select(tr => (int.Parse(tr.QuerySelector("th")!.TextContent, System.Globalization.CultureInfo.InvariantCulture), tr.QuerySelector("td")!.TextContent.Trim()))
            .ToList();

    protected static List<(string Reference, string Action, string Detail)> Planned(IHtmlDocument page) =>
        page.QuerySelectorAll("table.import-preview tbody tr")
            .Select(tr => (tr.QuerySelector("th")!.TextContent.Trim(), tr.QuerySelectorAll("td")[2].TextContent.Trim(), tr.QuerySelectorAll("td")[3].TextContent.Trim()))
            .ToList();
}
