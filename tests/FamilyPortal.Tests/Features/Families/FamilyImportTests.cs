using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using FamilyPortal.Web.Features.Families.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>« Importer des familles »: upload, preview with every line's errors, all-or-nothing confirmation, re-import.</summary>
public class FamilyImportTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Header = "Référence;Nom du foyer;Email;Téléphone;Responsable 1 civilité;Responsable 1 nom;Responsable 1 prénom;Responsable 1 lien;Responsable 1 portable;Responsable 2 nom;Responsable 2 prénom;Responsable 2 lien;Enfant nom;Enfant prénom;Date de naissance;Site;Classe";

    /// <summary>Three families: one with two children (family columns left empty on its second line), quoted fields, one without child.</summary>
    private const string Families =
        Header + "\r\n" +
        "F-1;LECŒUR;famille.lecoeur@exemple.test;03 83 00 00 00;Mme;LECŒUR;Françoise;Mère;06 12 34 56 78;LECŒUR;Jérôme;Père;LECŒUR;Maël;21/01/2017;Groupe scolaire Test;CE1\r\n" +
        "F-1;;;;;;;;;;;;LECŒUR;Zoé;03/09/2019;GT;GS\r\n" +
        "F-2;\"GARÇON; dit \"\"le grand\"\"\";garcon@exemple.test;;M.;GARÇON;Noël;\"Tuteur; garde alternée\";;;;;GARÇON;Chloé;2018-06-30;;\r\n" +
        "F-3;SANSENFANT;sans@exemple.test;;;SANS;Jean;;;;;;;;;;\r\n";

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Agent)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        return (tenant, await AgentOfAsync(tenant));
    }

    private async Task<PageClient> AgentOfAsync(TenantBuilder.Tenant tenant) =>
        await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db);
    }

    private Task<List<Family>> FamiliesAsync(int municipalityId) => ReadAsync(db => db.Families.IgnoreQueryFilters().AsNoTracking()
        .Include(f => f.Adults).Include(f => f.Children).Where(f => f.MunicipalityId == municipalityId).OrderBy(f => f.Id).ToListAsync());

    /// <summary>Every row an import could write in the collectivité, to prove that nothing was.</summary>
    private Task<string> SnapshotAsync(int municipalityId) => ReadAsync(async db =>
    {
        var families = await db.Families.IgnoreQueryFilters().Where(f => f.MunicipalityId == municipalityId)
            .Select(f => $"{f.Id}:{f.HouseholdName}:{f.Email}:{f.Version}").ToListAsync();
        var adults = await db.ResponsibleAdults.IgnoreQueryFilters().CountAsync(a => a.MunicipalityId == municipalityId);
        var children = await db.Children.IgnoreQueryFilters().Where(c => c.MunicipalityId == municipalityId)
            .Select(c => $"{c.Id}:{c.FirstName}:{c.SchoolClass}:{c.Version}").ToListAsync();
        var imported = await db.FamilyImportDrafts.IgnoreQueryFilters().CountAsync(d => d.MunicipalityId == municipalityId && d.ImportedAtUtc != null);
        return $"{string.Join(',', families)}|{adults}|{string.Join(',', children)}|{imported}";
    });

    private static byte[] Utf8WithMark(string text) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];

    private static async Task<HttpResponseMessage> UploadAsync(PageClient agent, byte[] bytes, string fileName = "familles.csv")
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
    private static async Task<string> PreviewAsync(PageClient agent, byte[] bytes)
    {
        var response = await UploadAsync(agent, bytes);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/familles/import/", url, StringComparison.Ordinal);
        return url;
    }

    /// <summary>« Importer ces familles », with the fingerprint the preview page shows.</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(PageClient agent, IHtmlDocument preview, string url) =>
        await agent.SubmitAsync(preview, url, new Dictionary<string, string?>(), formAction: null);

    /// <summary>A confirmation posted directly (a page without the confirm button, another's id).</summary>
    private static async Task<HttpResponseMessage> PostConfirmAsync(PageClient agent, string url)
    {
        var token = (await agent.GetPageAsync("/admin/familles/import")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await agent.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Fingerprint"] = "" }));
    }

    private static List<(int Line, string Message)> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll("table.import-errors tbody tr")
            .Select(tr => (int.Parse(tr.QuerySelector("th")!.TextContent, System.Globalization.CultureInfo.InvariantCulture), tr.QuerySelector("td")!.TextContent.Trim()))
            .ToList();

    private static List<(string Reference, string Action, string Detail)> Planned(IHtmlDocument page) =>
        page.QuerySelectorAll("table.import-preview tbody tr")
            .Select(tr => (tr.QuerySelector("th")!.TextContent.Trim(), tr.QuerySelectorAll("td")[2].TextContent.Trim(), tr.QuerySelectorAll("td")[3].TextContent.Trim()))
            .ToList();

    [Fact]
    public async Task A_utf8_file_is_previewed_without_writing_then_imported_with_codes_that_are_not_sent()
    {
        var (tenant, agent) = await AgentAsync();
        var before = await SnapshotAsync(tenant.MunicipalityId);

        var url = await PreviewAsync(agent, Utf8WithMark(Families));
        var preview = await agent.GetPageAsync(url);

        Assert.Empty(Errors(preview));
        Assert.Contains("UTF-8, séparateur « ; », 4 lignes après l'en-tête", preview.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [("F-1", "Création", "2 responsables, 2 enfants"), ("F-2", "Création", "1 responsable, 1 enfant"), ("F-3", "Création", "1 responsable, 0 enfants")],
            Planned(preview));
        Assert.Equal(before, await SnapshotAsync(tenant.MunicipalityId));

        var confirmed = await ConfirmAsync(agent, preview, url);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var families = (await FamiliesAsync(tenant.MunicipalityId)).Where(f => f.Id != tenant.FamilyId).ToList();
        Assert.Equal(["F-1", "F-2", "F-3"], families.Select(f => f.Reference).Order());
        var lecoeur = families.Single(f => f.Reference == "F-1");
        Assert.Equal(("LECŒUR", "famille.lecoeur@exemple.test", "0383000000"), (lecoeur.HouseholdName, lecoeur.Email, lecoeur.Phone));
        Assert.Equal([("Mme", "Françoise", "Mère", "0612345678", 1), (null, "Jérôme", "Père", null, 2)],
            lecoeur.Adults.OrderBy(a => a.Position).Select(a => (a.Civility, a.FirstName, a.Relationship, a.MobilePhone, a.Position)));
        Assert.Equal([("Maël", new DateOnly(2017, 1, 21), tenant.SiteId, "CE1"), ("Zoé", new DateOnly(2019, 9, 3), tenant.SiteId, "GS")],
            lecoeur.Children.OrderBy(c => c.FirstName).Select(c => (c.FirstName, c.BirthDate!.Value, c.SiteId!.Value, c.SchoolClass!)));
        var garcon = families.Single(f => f.Reference == "F-2");
        Assert.Equal("GARÇON; dit \"le grand\"", garcon.HouseholdName);
        Assert.Equal("Tuteur; garde alternée", Assert.Single(garcon.Adults).Relationship);
        Assert.Equal(("Chloé", (int?)null, (string?)null), (Assert.Single(garcon.Children).FirstName, garcon.Children[0].SiteId, garcon.Children[0].SchoolClass));
        Assert.Empty(families.Single(f => f.Reference == "F-3").Children);
        Assert.All(families, f => Assert.Equal(64, f.AdhesionCodeLookup.Length));
        Assert.Equal(3, families.Select(f => f.AdhesionCodeLookup).Distinct().Count());
        Assert.Equal(0, await ReadAsync(db => db.OutboxMessages.CountAsync(m => m.MunicipalityId == tenant.MunicipalityId)));

        var result = await agent.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal("Import de familles terminé", result.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("3 familles créées", result.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Les codes d'adhésion des nouvelles familles n'ont pas été envoyés.", result.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(families.Select(f => $"/admin/familles/{f.Id}").Order(), result.QuerySelectorAll(".created-families a").Select(a => a.GetAttribute("href")!).Order());
        Assert.Equal("", await ReadAsync(db => db.FamilyImportDrafts.IgnoreQueryFilters().Where(d => d.MunicipalityId == tenant.MunicipalityId && d.ImportedAtUtc != null).Select(d => d.Content).SingleAsync()));

        // A second click on « Importer » imports nothing more.
        var again = await PostConfirmAsync(agent, url);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(4, (await FamiliesAsync(tenant.MunicipalityId)).Count);
    }

    [Fact]
    public async Task A_windows_1252_file_with_commas_keeps_its_accents_and_ligatures()
    {
        var (tenant, agent) = await AgentAsync();
        var text = "Référence,Nom du foyer,Email,Responsable 1 nom,Responsable 1 prénom,Responsable 1 lien,Enfant nom,Enfant prénom,Date de naissance,Site,Classe\r\n" +
                   "W-1,\"CŒUR, Élodie\",coeur@exemple.test,CŒUR,Cécile,Mère,CŒUR,François,05/04/2016,GT,\"CM1, classe de M. Noël\"\r\n";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

        var url = await PreviewAsync(agent, bytes);
        var preview = await agent.GetPageAsync(url);
        Assert.Contains("Windows-1252, séparateur « , »", preview.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(agent, preview, url)).StatusCode);

        var family = (await FamiliesAsync(tenant.MunicipalityId)).Single(f => f.Reference == "W-1");
        Assert.Equal("CŒUR, Élodie", family.HouseholdName);
        Assert.Equal(("CŒUR", "Cécile", "Mère"), (family.Adults[0].LastName, family.Adults[0].FirstName, family.Adults[0].Relationship));
        Assert.Equal(("François", "CM1, classe de M. Noël"), (family.Children[0].FirstName, family.Children[0].SchoolClass));
    }

    [Fact]
    public async Task Every_wrong_line_is_listed_with_its_number_and_nothing_is_written()
    {
        var (tenant, agent) = await AgentAsync();
        var before = await SnapshotAsync(tenant.MunicipalityId);
        var longName = new string('A', 201);
        var text = string.Join("\n",
            Header,
            ";SANS REF;sansref@exemple.test;;;SANS;Ref;;;;;;;;;;",
            "B-1;BLANC;pas-une-adresse;;;BLANC;Lucie;;;;;;BLANC;Léa;01/02/2018;;",
            "B-2;NOIR;noir@exemple.test;;;NOIR;Marc;;;;;;NOIR;Tom;31/02/2018;;",
            "B-3;VERT;vert@exemple.test;;;VERT;Ana;;;;;;VERT;Ida;01/02/2018;École inconnue;",
            "B-4;ROUX;roux@exemple.test;;;ROUX;Eva;;;;;;ROUX;Max;01/02/2018;;",
            "B-4;ROUX;autre@exemple.test;;;;;;;;;;ROUX;Léo;01/03/2019;;",
            "B-4;;;;;;;;;;;;roux;MAX;01/02/2018;;",
            $"B-5;{longName};long@exemple.test;;;LONG;Al;;;;;;;;;;",
            "B-6;GRIS;gris@exemple.test;12;Dr;GRIS;Paul;;;;;;;;;;",
            "B-7;\"SUR DEUX\nLIGNES\";multi@exemple.test;;;MULTI;Ligne;;;;;;;;;;",
            "B-8;BRUN;brun@exemple.test;;;BRUN;;;;DEUX;;;;;;;",
            "B-9;OK;ok@exemple.test;;;OK;Bon;;;;;;OK;Bébé;01/01/2030;;",
            "B-10;TROP;trop@exemple.test;;;TROP;Plein;;;;;;;;;;;;;en trop");

        var url = await PreviewAsync(agent, Encoding.UTF8.GetBytes(text));
        var preview = await agent.GetPageAsync(url);

        var errors = Errors(preview);
        (int Line, string Start)[] expected =
        [
            (2, "Référence manquante : chaque ligne doit indiquer la référence de sa famille."),
            (3, "« Email » : « pas-une-adresse » n'est pas une adresse email valide"),
            (4, "« Date de naissance » : « 31/02/2018 » n'est pas une date de naissance valide"),
            (5, "« Site » : site inconnu « École inconnue ». Sites de la collectivité : « Groupe scolaire Test »."),
            (7, "« Email » diffère de la ligne 6 pour la référence « B-4 »"),
            (8, "Enfant en double : MAX roux, né(e) le 01/02/2018, figure déjà ligne 6 pour la référence « B-4 »."),
            (9, "« Nom du foyer » : obligatoire, 200 caractères au plus, sans retour à la ligne."),
            (10, "« Téléphone » : « 12 » n'est pas un numéro français valide"),
            (10, "« Responsable 1 civilité » : Choisissez « M. » ou « Mme »."),
            (11, "« Nom du foyer » : obligatoire, 200 caractères au plus, sans retour à la ligne."),
            (13, "« Responsable 1 prénom » : Le prénom du responsable est obligatoire"),
            (13, "« Responsable 2 prénom » : Le prénom du responsable est obligatoire"),
            (14, "« Date de naissance » : « 01/01/2030 » n'est pas une date de naissance valide"),
            (15, "La ligne compte 20 champs alors que l'en-tête a 17 colonnes"),
        ];
        foreach (var (line, start) in expected)
        {
            Assert.Contains(errors, e => e.Line == line && e.Message.StartsWith(start, StringComparison.Ordinal));
        }
        Assert.Equal(expected.Length, errors.Count);
        Assert.Contains($"{expected.Length} erreurs : rien n'a été importé", preview.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("input[name=Fingerprint]"));

        var forced = await PostConfirmAsync(agent, url);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(expected.Length, Errors(await PageClient.ParseAsync(forced)).Count);
        Assert.Equal(before, await SnapshotAsync(tenant.MunicipalityId));
    }

    [Theory]
    [InlineData("Nom du foyer;Email\nDUPOND;a@exemple.test\n", "Colonnes obligatoires absentes de la ligne d'en-tête : « Référence », « Responsable 1 nom », « Responsable 1 prénom », « Enfant nom », « Enfant prénom », « Date de naissance ».")]
    [InlineData("Référence;Nom du foyer;Email;Responsable 1 nom;Responsable 1 prénom;Enfant nom;Enfant prénom;Date de naissance;Allergies\n", "Colonne inconnue « Allergies » : vérifiez son nom dans la liste des colonnes.")]
    [InlineData("Référence;Nom du foyer;Email;Responsable 1 nom;Responsable 1 prénom;Enfant nom;Enfant prénom;Date de naissance\n", "Le fichier ne contient aucune ligne après la ligne d'en-tête.")]
    [InlineData("Référence;Nom du foyer\nA;\"B\n", "Ligne 2 : un guillemet (\") ouvre un champ qui n'est jamais refermé. Vérifiez les guillemets de cette ligne.")]
    public async Task A_file_that_cannot_be_read_says_why_and_nothing_is_written(string text, string message)
    {
        var (tenant, agent) = await AgentAsync();
        var before = await SnapshotAsync(tenant.MunicipalityId);

        var preview = await agent.GetPageAsync(await PreviewAsync(agent, Encoding.UTF8.GetBytes(text)));

        Assert.Contains(Errors(preview), e => e.Message == message);
        Assert.Equal(before, await SnapshotAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task Uploads_too_large_too_long_empty_binary_or_missing_are_refused_in_french()
    {
        var (tenant, agent) = await AgentAsync();
        var drafts = await ReadAsync(db => db.FamilyImportDrafts.IgnoreQueryFilters().CountAsync(d => d.MunicipalityId == tenant.MunicipalityId));

        var tooLarge = Encoding.UTF8.GetBytes(Header + "\n" + new string('x', FamilyImporter.MaxBytes));
        foreach (var (bytes, message) in new (byte[], string)[]
        {
            (tooLarge, "Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers."),
            ([], "Le fichier est vide."),
            ([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "Ce fichier n'est pas un fichier CSV : dans votre tableur, choisissez « Enregistrer sous », puis le type « CSV (séparateur : point-virgule) » ou « CSV UTF-8 »."),
        })
        {
            var response = await UploadAsync(agent, bytes);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), "Upload"));
        }
        var token = (await agent.GetPageAsync("/admin/familles/import")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var noFile = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } })
        {
            var response = await agent.Http.PostAsync("/admin/familles/import", noFile);
            Assert.Equal("Choisissez le fichier CSV à importer.", PageClient.ErrorOf(await PageClient.ParseAsync(response), "Upload"));
        }
        Assert.Equal(drafts, await ReadAsync(db => db.FamilyImportDrafts.IgnoreQueryFilters().CountAsync(d => d.MunicipalityId == tenant.MunicipalityId)));

        var before = await SnapshotAsync(tenant.MunicipalityId);
        var lines = new StringBuilder(Header).Append('\n');
        for (var i = 0; i <= FamilyImporter.MaxLines; i++)
        {
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"L-{i};FOYER;f{i}@exemple.test;;;NOM;Prénom;;;;;;;;;;\n");
        }
        var preview = await agent.GetPageAsync(await PreviewAsync(agent, Encoding.UTF8.GetBytes(lines.ToString())));
        var error = Assert.Single(Errors(preview));
        Assert.Equal(1, error.Line);
        Assert.StartsWith("Le fichier compte plus de 5", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("000 lignes : découpez-le en plusieurs fichiers.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_corrected_file_updates_without_duplicates()
    {
        var (tenant, agent) = await AgentAsync();
        var first = await PreviewAsync(agent, Utf8WithMark(Families));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(agent, await agent.GetPageAsync(first), first)).StatusCode);
        var imported = await SnapshotAsync(tenant.MunicipalityId);
        var lecoeurId = (await FamiliesAsync(tenant.MunicipalityId)).Single(f => f.Reference == "F-1").Id;

        // An agent has the family's form open while the next import changes a responsable.
        var formUrl = $"/admin/familles/fiche/{lecoeurId}";
        var staleForm = await agent.GetPageAsync(formUrl);

        var again = await PreviewAsync(agent, Utf8WithMark(Families));
        var samePreview = await agent.GetPageAsync(again);
        Assert.All(Planned(samePreview), p => Assert.Equal(("Inchangée", "aucun changement"), (p.Action, p.Detail)));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(agent, samePreview, again)).StatusCode);
        Assert.Equal(imported.Split('|')[..3], (await SnapshotAsync(tenant.MunicipalityId)).Split('|')[..3]);

        // Reference typed in lower case, Maël changes class, a new child, Françoise's mobile changes, a second line for Jérôme's phone.
        var corrected =
            Header + "\r\n" +
            "f-1;LECŒUR;famille.lecoeur@exemple.test;;Mme;LECŒUR;Françoise;Mère;07 99 88 77 66;LECŒUR;Jérôme;Père;LECŒUR;Maël;21/01/2017;;CE2\r\n" +
            "f-1;;;;;;;;;;;;LECŒUR;Zoé;03/09/2019;GT;GS\r\n" +
            "f-1;;;;;;;;;;;;LECŒUR;Inès;14/02/2021;GT;PS\r\n";
        var update = await PreviewAsync(agent, Utf8WithMark(corrected));
        var updatePreview = await agent.GetPageAsync(update);
        Assert.Equal([("f-1", "Mise à jour", "1 responsable modifié, 1 enfant ajouté, 1 enfant modifié")], Planned(updatePreview));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(agent, updatePreview, update)).StatusCode);

        var families = await FamiliesAsync(tenant.MunicipalityId);
        Assert.Equal(4, families.Count);
        var lecoeur = families.Single(f => f.Id == lecoeurId);
        Assert.Equal("F-1", lecoeur.Reference);
        Assert.Equal("0383000000", lecoeur.Phone);
        Assert.Equal(2, lecoeur.Adults.Count);
        Assert.Equal("0799887766", lecoeur.Adults.Single(a => a.FirstName == "Françoise").MobilePhone);
        Assert.Equal([("Inès", "PS", 0), ("Maël", "CE2", 1), ("Zoé", "GS", 0)],
            lecoeur.Children.OrderBy(c => c.FirstName).Select(c => (c.FirstName, c.SchoolClass!, c.Version)));
        Assert.Equal(tenant.SiteId, lecoeur.Children.Single(c => c.FirstName == "Maël").SiteId);
        Assert.Equal(1, lecoeur.Version);

        var refused = await agent.SubmitAsync(staleForm, formUrl, new Dictionary<string, string?> { ["Input.HouseholdName"] = "LECŒUR-MARTIN" });
        Assert.Contains("modifiée entre-temps", (await PageClient.ParseAsync(refused)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("LECŒUR", (await FamiliesAsync(tenant.MunicipalityId)).Single(f => f.Id == lecoeurId).HouseholdName);
    }

    [Fact]
    public async Task The_same_reference_in_another_collectivite_is_another_family_left_untouched()
    {
        var (tenant, agent) = await AgentAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        await ReadAsync(async db =>
        {
            var family = await db.Families.IgnoreQueryFilters().SingleAsync(f => f.Id == other.FamilyId);
            family.Reference = "F-1";
            return await db.SaveChangesAsync();
        });
        var otherBefore = await SnapshotAsync(other.MunicipalityId);

        var url = await PreviewAsync(agent, Utf8WithMark(Families));
        var preview = await agent.GetPageAsync(url);
        Assert.Equal("Création", Planned(preview).Single(p => p.Reference == "F-1").Action);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(agent, preview, url)).StatusCode);

        Assert.Equal(otherBefore, await SnapshotAsync(other.MunicipalityId));
        var mine = (await FamiliesAsync(tenant.MunicipalityId)).Single(f => f.Reference == "F-1");
        Assert.Equal("LECŒUR", mine.HouseholdName);
        Assert.Equal("MARTIN", (await FamiliesAsync(other.MunicipalityId)).Single(f => f.Reference == "F-1").HouseholdName);
    }

    [Fact]
    public async Task A_preview_belongs_to_the_staff_member_who_sent_it_in_their_collectivite()
    {
        var (tenant, sender) = await AgentAsync();
        var colleague = await AgentOfAsync(tenant);
        var url = await PreviewAsync(sender, Utf8WithMark(Families));
        var before = await SnapshotAsync(tenant.MunicipalityId);

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostConfirmAsync(colleague, url)).StatusCode);
        var otherCollectivite = $"/admin/familles/import/{tenant.ImportDraftId}";
        var stranger = await AgentOfAsync(await TenantBuilder.CreateAsync(factory));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(otherCollectivite)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostConfirmAsync(stranger, otherCollectivite)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostConfirmAsync(stranger, url)).StatusCode);
        Assert.Equal(before, await SnapshotAsync(tenant.MunicipalityId));

        // Still the sender's to confirm.
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(sender, await sender.GetPageAsync(url), url)).StatusCode);
        Assert.Equal(4, (await FamiliesAsync(tenant.MunicipalityId)).Count);
    }

    [Fact]
    public async Task A_family_created_between_preview_and_confirmation_stops_the_import_until_the_new_preview_is_confirmed()
    {
        var (tenant, agent) = await AgentAsync();
        var url = await PreviewAsync(agent, Utf8WithMark(Families));
        var preview = await agent.GetPageAsync(url);
        var created = await agent.PostFormAsync("/admin/familles/fiche", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "LECŒUR",
            ["Input.Reference"] = "F-1",
            ["Input.Email"] = "lecoeur@exemple.test",
            ["Input.Adults[0].LastName"] = "LECŒUR",
            ["Input.Adults[0].FirstName"] = "Françoise",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var before = await SnapshotAsync(tenant.MunicipalityId);

        var refused = await ConfirmAsync(agent, preview, url);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var fresh = await PageClient.ParseAsync(refused);
        Assert.Contains(FamilyImporter.ChangedMeanwhile, fresh.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("Mise à jour", "1 responsable ajouté, 1 responsable modifié, 2 enfants ajoutés"), Planned(fresh).Where(p => p.Reference == "F-1").Select(p => (p.Action, p.Detail)).Single());
        Assert.Equal(before, await SnapshotAsync(tenant.MunicipalityId));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(agent, fresh, url)).StatusCode);
        var families = await FamiliesAsync(tenant.MunicipalityId);
        Assert.Equal(4, families.Count);
        var lecoeur = families.Single(f => f.Reference == "F-1");
        Assert.Equal(("famille.lecoeur@exemple.test", 2, 2), (lecoeur.Email, lecoeur.Adults.Count, lecoeur.Children.Count));
    }

    [Fact]
    public async Task The_example_file_lists_every_column_and_imports_as_it_is()
    {
        var (tenant, agent) = await AgentAsync();

        var download = await agent.Http.GetAsync("/admin/familles/import?handler=Example");

        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(string.Join(';', FamilyImportColumns.All.Select(c => c.Label)), text.Split("\r\n")[0]);
        Assert.Contains("Groupe scolaire Test", text, StringComparison.Ordinal);

        var url = await PreviewAsync(agent, bytes);
        var preview = await agent.GetPageAsync(url);
        Assert.Empty(Errors(preview));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(agent, preview, url)).StatusCode);
        var lecoeur = (await FamiliesAsync(tenant.MunicipalityId)).Single(f => f.Reference == "F-0102");
        Assert.Equal(("LECŒUR", "Françoise", "Maël"), (lecoeur.HouseholdName, lecoeur.Adults[0].FirstName, lecoeur.Children[0].FirstName));
    }

    [Fact]
    public async Task A_preview_left_for_more_than_an_hour_must_be_sent_again()
    {
        var (tenant, agent) = await AgentAsync();
        var url = await PreviewAsync(agent, Utf8WithMark(Families));
        var preview = await agent.GetPageAsync(url);
        var before = await SnapshotAsync(tenant.MunicipalityId);
        for (var i = 0; i < 3; i++)
        {
            // The agent stays signed in (30 minutes without activity end a session).
            factory.Clock.Advance(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync("/admin/familles")).StatusCode);
        }

        var expired = await ConfirmAsync(agent, preview, url);

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        var page = await agent.GetPageAsync(expired.Headers.Location!.OriginalString);
        Assert.Equal(ImportReviewModel.Expired, page.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Equal(before, await SnapshotAsync(tenant.MunicipalityId));
    }
}
