using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Documents.DocumentKit;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Documents;

/// <summary>« Pièces justificatives » of a parent: the list asked, « Déposer », the download, and hostile files refused.</summary>
public class ParentDocumentsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private async Task<(TenantBuilder.Tenant Tenant, Types Types, PageClient Parent)> FamilyAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var types = await AddTypesAsync(factory, tenant.MunicipalityId);
        return (tenant, types, await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId));
    }

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("li.document-requirement").Select(li => Normalize(li.QuerySelector("h2")!.TextContent + " | " + li.QuerySelector(".document-status")!.TextContent)).ToList();

    [Fact]
    public async Task The_parent_sees_what_is_asked_deposits_a_pdf_sealed_in_the_database_and_downloads_it_as_an_attachment()
    {
        var (tenant, types, parent) = await FamilyAsync();

        var page = await parent.GetPageAsync(PagePath);
        Assert.Equal(["Attestation de quotient familial | État : à fournir", "Carnet de vaccinations – Lou MARTIN | État : à fournir"], Rows(page));
        var input = page.QuerySelector("input[type=file]")!;
        Assert.Equal("application/pdf,image/jpeg,image/png", input.GetAttribute("accept"));
        Assert.False(input.HasAttribute("capture"));
        Assert.Contains("Demandée pour : Restauration scolaire", TextOf(page), StringComparison.Ordinal);

        var pdf = Pdf("Quotient 612");
        var response = await DepositAsync(parent, types.FamilyTypeId, null, pdf, "attestation.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        page = await parent.GetPageAsync(PagePath);
        Assert.Contains("Votre pièce a été déposée.", TextOf(page), StringComparison.Ordinal);
        Assert.Equal("Attestation de quotient familial | État : déposée", Rows(page)[0]);
        var stored = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId));
        Assert.Equal((DocumentStatus.Deposited, tenant.FamilyId, (int?)null, "attestation.pdf", "application/pdf", (long)pdf.Length),
            (stored.Status, stored.FamilyId, stored.ChildId, stored.FileName, stored.ContentType, stored.Size));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), stored.Sha256);
        Assert.DoesNotContain("Quotient 612", Encoding.Latin1.GetString(stored.SealedContent), StringComparison.Ordinal);
        Assert.NotNull(stored.UploadedByAccountId);

        var download = await parent.Http.GetAsync(page.QuerySelector("a[href*='Download']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_landing_page_lists_the_missing_documents_until_they_are_deposited()
    {
        var (tenant, types, parent) = await FamilyAsync();

        var missing = (await parent.GetPageAsync("/actualites")).QuerySelector("section.missing-documents")!;
        Assert.Equal(["Attestation de quotient familial : à fournir", "Carnet de vaccinations – Lou MARTIN : à fournir"],
            missing.QuerySelectorAll("li").Select(li => Normalize(li.TextContent)));
        Assert.NotNull(missing.QuerySelector($"a[href='{PagePath}']"));

        await DepositAsync(parent, types.FamilyTypeId, null, Pdf(), "a.pdf");
        await DepositAsync(parent, types.ChildTypeId, tenant.ChildId, Png(), "carnet.png", "image/png");

        Assert.Null((await parent.GetPageAsync("/actualites")).QuerySelector("section.missing-documents"));
    }

    [Fact]
    public async Task The_account_data_export_lists_the_family_documents_with_their_fingerprint()
    {
        var (_, types, parent) = await FamilyAsync();
        var pdf = Pdf("Export");
        await DepositAsync(parent, types.FamilyTypeId, null, pdf, "attestation.pdf");

        var json = await (await parent.Http.GetAsync("/mon-compte/Export")).Content.ReadAsStringAsync();

        using var export = System.Text.Json.JsonDocument.Parse(json);
        var document = export.RootElement.GetProperty("piecesJustificatives").EnumerateArray()
            .Single(d => d.GetProperty("type").GetString() == "Attestation de quotient familial");
        Assert.Equal("Deposited", document.GetProperty("etat").GetString());
        Assert.Equal("attestation.pdf", document.GetProperty("fichier").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), document.GetProperty("sha256").GetString());
        Assert.StartsWith("Téléchargeable depuis « Pièces justificatives »", document.GetProperty("contenu").GetString());
    }

    [Fact]
    public async Task A_pdf_holding_javascript_is_stored_and_only_ever_served_as_an_attachment_with_nosniff()
    {
        var (tenant, types, parent) = await FamilyAsync();
        var pdf = Pdf("Carnet", extra: "/OpenAction << /S /JavaScript /JS (app.alert('x')) >> ");

        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(parent, types.ChildTypeId, tenant.ChildId, pdf, "carnet.pdf")).StatusCode);

        var stored = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(tenant.ChildId, stored.ChildId);
        var download = await parent.Http.GetAsync($"{PagePath}/Download?id={stored.Id}");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_phone_photo_is_stored_without_its_gps_position()
    {
        var (tenant, types, parent) = await FamilyAsync();
        const string marker = "GPS-POSITION-DE-LA-MAISON";

        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(parent, types.ChildTypeId, tenant.ChildId, PhonePhoto(marker), "IMG_0042.JPG", "image/jpeg")).StatusCode);

        var stored = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(("image/jpeg", "IMG_0042.jpg"), (stored.ContentType, stored.FileName));
        var content = await (await parent.Http.GetAsync($"{PagePath}/Download?id={stored.Id}")).Content.ReadAsByteArrayAsync();
        Assert.Equal(0xFF, content[0]);
        Assert.DoesNotContain(marker, Encoding.ASCII.GetString(content), StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(content), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> HostileFiles => new()
    {
        { "too-large", "gros.pdf", UploadRules.TooLarge },
        { "zip-named-pdf", "attestation.pdf", UploadRules.WrongType },
        { "png-bomb", "photo.png", UploadRules.TooManyPixels },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_is_refused_with_its_french_reason_next_to_the_field_and_nothing_is_written(string kind, string name, string message)
    {
        var (tenant, types, parent) = await FamilyAsync();
        byte[] content = kind switch
        {
            // 11 MB, starting like a PDF: the size is what refuses it.
            "too-large" => [.. Pdf(), .. new byte[11 * 1024 * 1024]],
            "zip-named-pdf" => [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("word/document.xml")],
            _ => PngBomb(),
        };
        await parent.GetPageAsync(PagePath);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var response = await DepositAsync(parent, types.FamilyTypeId, null, content, name);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var row = page.QuerySelector($"li[data-piece='{types.FamilyTypeId}']")!;
        Assert.Equal(message, row.QuerySelector(".field-error")!.TextContent.Trim());
        Assert.Equal("true", row.QuerySelector("input[type=file]")!.GetAttribute("aria-invalid"));
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(DatabaseFingerprint.Differences(before, after).Length == 0, DatabaseFingerprint.Differences(before, after));
        Assert.Empty(await DocumentsAsync(factory, tenant.MunicipalityId));
    }

    [Fact]
    public async Task A_post_above_the_request_limit_gets_413_with_the_french_message()
    {
        var (_, types, parent) = await FamilyAsync();

        var response = await DepositAsync(parent, types.FamilyTypeId, null, new byte[Web.Features.Documents.PiecesModel.RequestLimit + 1024], "enorme.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(UploadRules.TooLarge, (await PageClient.ParseAsync(response)).QuerySelector($"li[data-piece='{types.FamilyTypeId}'] .field-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task The_database_file_does_not_hold_the_content_of_a_deposited_file_in_clear()
    {
        var (tenant, types, parent) = await FamilyAsync();
        var marker = "MARQUEUR-EN-CLAIR-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(parent, types.FamilyTypeId, null, Pdf(marker), "a.pdf")).StatusCode);
        Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId));

        var file = Path.Combine(factory.WorkDirectory, "portal.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(bytes.Length > 10_000);
        Assert.DoesNotContain(marker, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, Encoding.Latin1.GetString(File.Exists(file + "-wal") ? await File.ReadAllBytesAsync(file + "-wal") : []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_family_and_another_collectivite_get_404_for_a_document_and_cannot_deposit_for_a_child_not_theirs()
    {
        var (tenant, types, parent) = await FamilyAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(parent, types.FamilyTypeId, null, Pdf(), "a.pdf")).StatusCode);
        var documentId = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId)).Id;

        var neighbourFamily = await Reservations.ReservationKit.AddFamilyAsync(factory, tenant, "BERNARD");
        var neighbour = await ParentAsync(factory, tenant.MunicipalityId, neighbourFamily);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.Http.GetAsync($"{PagePath}/Download?id={documentId}")).StatusCode);
        var refused = await DepositAsync(neighbour, types.ChildTypeId, tenant.ChildId, Pdf(), "b.pdf");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId));

        var other = await TenantBuilder.CreateAsync(factory);
        var otherParent = await ParentAsync(factory, other.MunicipalityId, other.FamilyId);
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.Http.GetAsync($"{PagePath}/Download?id={documentId}")).StatusCode);
    }
}
