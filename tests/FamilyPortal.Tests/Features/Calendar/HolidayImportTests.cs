using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Calendar;

/// <summary>
/// Import of school holidays: TenantBuilder's collectivité has the year 2026-2027, the « Vacances de Noël »
/// (19/12/2026 – 03/01/2027) and a booking on 20/11/2026.
/// </summary>
public class HolidayImportTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/calendrier/import";

    static HolidayImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));
        return (tenant, agent);
    }

    private async Task<List<string>> PeriodsAsync(int municipalityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.Closures.IgnoreQueryFilters().Where(c => c.MunicipalityId == municipalityId).OrderBy(c => c.StartDate)
            .Select(c => $"{c.Reason} {c.StartDate:dd/MM/yyyy} {c.EndDate:dd/MM/yyyy}").ToListAsync();
    }

    /// <summary>Chooses the file on the page and asks for the preview, as the browser's multipart form does.</summary>
    private static async Task<IHtmlDocument> PreviewAsync(PageClient agent, byte[] file)
    {
        var page = await agent.GetPageAsync(Url);
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(((IHtmlSelectElement)form.QuerySelector("select[name=annee]")!).Value!), "annee" },
            { new ByteArrayContent(file), "Upload", "vacances.csv" },
        };
        var response = await agent.Http.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageClient.ParseAsync(response);
    }

    private static string Summary(IHtmlDocument preview) => preview.QuerySelector("[data-testid=bilan-import]")!.TextContent.Trim();

    private static List<string> LineErrors(IHtmlDocument preview) =>
        preview.QuerySelectorAll(".line-errors li").Select(li => li.TextContent.Trim()).ToList();

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task A_preview_writes_nothing_the_import_writes_every_line_and_importing_again_duplicates_nothing()
    {
        var (tenant, agent) = await AgentAsync();
        var file = Utf8WithBom("""
            Description;Début;Fin
            Vacances de la Toussaint;17/10/2026;01/11/2026
            Vacances de Noël;19/12/2026;03/01/2027
            Vacances d'hiver;20/02/2027;07/03/2027
            Vacances de printemps;2027-04-17;2027-05-02
            """);

        var preview = await PreviewAsync(agent, file);

        Assert.Equal("3 période(s) à ajouter, 0 à mettre à jour, 1 déjà enregistrée(s), 0 ligne(s) ignorée(s).", Summary(preview));
        Assert.Equal(["2", "3", "4", "5"], preview.QuerySelectorAll("tr[data-line]").Select(r => r.GetAttribute("data-line")));
        Assert.Equal(["Vacances de Noël 19/12/2026 03/01/2027"], await PeriodsAsync(tenant.MunicipalityId));

        var imported = await agent.SubmitAsync(preview, Url, new Dictionary<string, string?>(), formAction: "handler=Import");

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        string[] expected =
        [
            "Vacances de la Toussaint 17/10/2026 01/11/2026", "Vacances de Noël 19/12/2026 03/01/2027",
            "Vacances d'hiver 20/02/2027 07/03/2027", "Vacances de printemps 17/04/2027 02/05/2027",
        ];
        Assert.Equal(expected, await PeriodsAsync(tenant.MunicipalityId));

        var again = await PreviewAsync(agent, file);
        Assert.Equal("0 période(s) à ajouter, 0 à mettre à jour, 4 déjà enregistrée(s), 0 ligne(s) ignorée(s).", Summary(again));
        Assert.Null(again.QuerySelector("form[action*='handler=Import']"));
        var reimported = await agent.Http.PostAsync(Url + "?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = again.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["FileText"] = Encoding.UTF8.GetString(file),
        }));
        Assert.Equal(HttpStatusCode.Redirect, reimported.StatusCode);
        Assert.Equal(expected, await PeriodsAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_windows_1252_file_with_commas_and_quotes_keeps_its_accents()
    {
        var (tenant, agent) = await AgentAsync();
        var file = Encoding.GetEncoding(1252).GetBytes(
            "Description,Début,Fin\r\n\"Vacances d'hiver, zone B\",20/02/2027,07/03/2027\r\nVacances de printemps (Pâques),17/04/2027,02/05/2027\r\n");

        var preview = await PreviewAsync(agent, file);
        Assert.Equal("2 période(s) à ajouter, 0 à mettre à jour, 0 déjà enregistrée(s), 0 ligne(s) ignorée(s).", Summary(preview));
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(preview, Url, new Dictionary<string, string?>(), formAction: "handler=Import")).StatusCode);

        Assert.Equal(
        [
            "Vacances de Noël 19/12/2026 03/01/2027", "Vacances d'hiver, zone B 20/02/2027 07/03/2027",
            "Vacances de printemps (Pâques) 17/04/2027 02/05/2027",
        ], await PeriodsAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task Every_bad_line_is_listed_with_its_number_and_nothing_is_imported()
    {
        var (tenant, agent) = await AgentAsync();
        var text = """
            Description;Début;Fin
            Vacances d'hiver;20/02/2027;07/03/2027

            Vacances de la Toussaint;32/10/2026;01/11/2026
            Vacances de printemps;02/05/2027;17/04/2027
            Pont de l'Ascension
            ;06/05/2027;09/05/2027
            Grève surprise;19/11/2026;20/11/2026
            Vacances d'hiver bis;01/03/2027;10/03/2027
            """;

        var preview = await PreviewAsync(agent, Utf8WithBom(text));

        Assert.Equal("6 ligne(s) en erreur : corrigez le fichier puis choisissez-le de nouveau. Rien ne sera importé tant qu'une ligne est en erreur.", Summary(preview));
        Assert.Equal(
        [
            "Ligne 4 : Date de début « 32/10/2026 » invalide : écrivez-la jj/mm/aaaa (ou aaaa-mm-jj).",
            "Ligne 5 : La date de fin est avant la date de début.",
            "Ligne 6 : 1 colonne(s) au lieu d'au moins 3 : vérifiez le séparateur (« ; » ou « , »).",
            "Ligne 7 : La description est vide.",
            "Ligne 8 : 1 réservation(s) existent sur ces jours : fermez-les depuis « Fermetures », qui annule les réservations et prévient les familles.",
            "Ligne 9 : Chevauche la ligne 2 (« Vacances d'hiver »).",
        ], LineErrors(preview));
        Assert.Null(preview.QuerySelector("form[action*='handler=Import']"));

        // Posting the import anyway writes nothing, not even the good line.
        var forced = await agent.PostFormAsync(Url, new Dictionary<string, string?> { ["FileText"] = text }, formAction: "handler=Preview");
        var refused = await agent.Http.PostAsync(Url + "?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await PageClient.ParseAsync(forced)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["FileText"] = text,
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Rien n'a été importé", (await PageClient.ParseAsync(refused)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Vacances de Noël 19/12/2026 03/01/2027"], await PeriodsAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_file_without_the_expected_columns_is_refused()
    {
        var (tenant, agent) = await AgentAsync();

        var preview = await PreviewAsync(agent, Utf8WithBom("Nom;Du jour;Au jour\nVacances;01/02/2027;02/02/2027\n"));

        Assert.Contains("Ligne 1 : la première ligne doit nommer les colonnes « Description », « Début » et « Fin »",
            preview.QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Vacances de Noël 19/12/2026 03/01/2027"], await PeriodsAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task The_ministrys_file_is_read_for_the_chosen_zone_with_its_end_on_the_resumption_day()
    {
        var (tenant, agent) = await AgentAsync();
        var file = Utf8WithBom("""
            Description;Population;Date de début;Date de fin;Zones;annee_scolaire;Académies
            Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Zone B;2026-2027;Nancy-Metz
            Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Zone B;2026-2027;Strasbourg
            Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Zone A;2026-2027;Lyon
            Vacances de Noël;-;2026-12-19;2027-01-04;Zone B;2026-2027;Nancy-Metz
            Vacances d'Hiver;-;2027-02-20;2027-03-08;Zone B;2026-2027;Nancy-Metz
            Vacances d'Hiver;-;2027-02-06;2027-02-22;Zone A;2026-2027;Lyon
            Début des Vacances d'Été;Enseignants;2027-07-05;;Zone B;2026-2027;Nancy-Metz
            Vacances d'Hiver;-;2026-02-14;2026-03-02;Zone B;2025-2026;Nancy-Metz
            """);

        var first = await PreviewAsync(agent, file);
        Assert.Contains("choisissez la vôtre", first.QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["", "Zone A", "Zone B"], first.QuerySelectorAll("select[name=Zone] option").Select(o => o.GetAttribute("value")));

        var preview = await PageClient.ParseAsync(await agent.PostFormAsync(Url, new Dictionary<string, string?>
        {
            ["FileText"] = ((IHtmlInputElement)first.QuerySelector("input[name=FileText]")!).Value,
            ["Zone"] = "Zone B",
        }, formAction: "handler=Preview"));

        Assert.Equal("2 période(s) à ajouter, 0 à mettre à jour, 1 déjà enregistrée(s), 5 ligne(s) ignorée(s).", Summary(preview));
        var ignored = preview.QuerySelectorAll("details li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "Ligne 3 (Vacances de la Toussaint) : Ignorée : identique à la ligne 2.",
            "Ligne 4 (Vacances de la Toussaint) : Ignorée : Zone A.",
            "Ligne 7 (Vacances d'Hiver) : Ignorée : Zone A.",
            "Ligne 8 (Début des Vacances d'Été) : Ignorée : concerne les enseignants.",
            "Ligne 9 (Vacances d'Hiver) : Ignorée : hors de l'année scolaire 2026-2027.",
        ], ignored);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(preview, Url, new Dictionary<string, string?>(), formAction: "handler=Import")).StatusCode);
        Assert.Equal(
        [
            "Vacances de la Toussaint 17/10/2026 01/11/2026", "Vacances de Noël 19/12/2026 03/01/2027", "Vacances d'Hiver 20/02/2027 07/03/2027",
        ], await PeriodsAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_period_already_stored_under_the_same_name_is_updated_not_duplicated()
    {
        var (tenant, agent) = await AgentAsync();

        var preview = await PreviewAsync(agent, Utf8WithBom("Description;Début;Fin\nVacances de Noël;19/12/2026;04/01/2027\n"));

        Assert.Equal("0 période(s) à ajouter, 1 à mettre à jour, 0 déjà enregistrée(s), 0 ligne(s) ignorée(s).", Summary(preview));
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(preview, Url, new Dictionary<string, string?>(), formAction: "handler=Import")).StatusCode);
        Assert.Equal(["Vacances de Noël 19/12/2026 04/01/2027"], await PeriodsAsync(tenant.MunicipalityId));
    }
}
