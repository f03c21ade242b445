using System.Net;
using System.Text;
using FamilyPortal.Web.Features.Families.Admin;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>« Importer des familles »: what the import refuses — wrong lines, unreadable or oversized files, another's or a stale preview — and that it then writes nothing.</summary>
public sealed class FamilyImportRefusalTests(AccountsFactory fixture) : FamilyImportTestsBase(fixture), IClassFixture<AccountsFactory>
{
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
    public async Task A_preview_belongs_to_the_staff_member_who_sent_it_in_their_collectivite()
    {
        var (tenant, sender) = await AgentAsync();
        var colleague = await AgentOfAsync(tenant);
        var url = await PreviewAsync(sender, Utf8WithMark(Families));
        var before = await SnapshotAsync(tenant.MunicipalityId);

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostConfirmAsync(colleague, url)).StatusCode);
        var otherCollectivite = $"/admin/familles/import/{tenant.ImportDraftId}";
        var stranger = await AgentOfAsync(await TenantBuilder.CreateAsync(Factory));
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
    public async Task A_preview_left_for_more_than_an_hour_must_be_sent_again()
    {
        var (tenant, agent) = await AgentAsync();
        var url = await PreviewAsync(agent, Utf8WithMark(Families));
        var preview = await agent.GetPageAsync(url);
        var before = await SnapshotAsync(tenant.MunicipalityId);
        for (var i = 0; i < 3; i++)
        {
            // The agent stays signed in (30 minutes without activity end a session).
            Factory.Clock.Advance(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync("/admin/familles")).StatusCode);
        }

        var expired = await ConfirmAsync(agent, preview, url);

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        var page = await agent.GetPageAsync(expired.Headers.Location!.OriginalString);
        Assert.Equal(ImportReviewModel.Expired, page.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Equal(before, await SnapshotAsync(tenant.MunicipalityId));
    }
}
