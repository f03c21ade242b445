using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>« Importer des familles »: upload, preview with every line's errors, all-or-nothing confirmation, re-import.</summary>
public sealed class FamilyImportTests(AccountsFactory fixture) : FamilyImportTestsBase(fixture), IClassFixture<AccountsFactory>
{
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
        var other = await TenantBuilder.CreateAsync(Factory);
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
}
