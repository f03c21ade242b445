using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Documents.DocumentKit;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Documents;

/// <summary>The PAI « with its document »: a type marked as the PAI's, asked only of children with a PAI, shown on the child's page and on the staff fiche.</summary>
public class PaiDocumentTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string PaiType = "Projet d'accueil individualisé";

    private static Dictionary<string, string?> PaiInput(bool perChild) => new()
    {
        ["Input.Name"] = PaiType,
        ["Input.PerChild"] = perChild ? "true" : null,
        ["Input.IsPaiDocument"] = "true",
        ["Input.ValidityMonths"] = "12",
    };

    [Fact]
    public async Task The_pai_document_is_one_type_per_child_and_only_one_per_collectivite_otherwise_nothing_is_written()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var perFamily = await admin.PostFormAsync("/admin/pieces/types", PaiInput(perChild: false), "Save");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, perFamily.StatusCode);
        Assert.Equal("Le document du PAI se dépose pour chaque enfant concerné : cochez aussi « Une pièce par enfant ».",
            PageClient.ErrorOf(await PageClient.ParseAsync(perFamily), "Input.IsPaiDocument"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/pieces/types", PaiInput(perChild: true), "Save")).StatusCode);
        var second = PaiInput(perChild: true);
        second["Input.Name"] = "Protocole médical";
        var duplicate = await admin.PostFormAsync("/admin/pieces/types", second, "Save");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Equal($"La pièce « {PaiType} » est déjà le document du PAI.", PageClient.ErrorOf(await PageClient.ParseAsync(duplicate), "Input.IsPaiDocument"));
        var types = await ReadAsync(factory, tenant.MunicipalityId, db => db.Set<SupportingDocumentType>().AsNoTracking().Where(t => t.IsActive).ToListAsync());
        var pai = Assert.Single(types);
        Assert.Equal((PaiType, true, true), (pai.Name, pai.PerChild, pai.IsPaiDocument));
        var list = await admin.GetPageAsync("/admin/pieces/types");
        Assert.Contains(list.QuerySelectorAll("table.document-types tbody tr").Select(tr => Normalize(tr.TextContent)),
            row => row.StartsWith($"{PaiType} chaque enfant tous 12 mois document du PAI demandée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_child_with_a_pai_is_asked_its_document_which_the_child_page_and_the_staff_fiche_follow_until_validated()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var types = await AddTypesAsync(factory, tenant.MunicipalityId);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/pieces/types", PaiInput(perChild: true), "Save")).StatusCode);
        var paiTypeId = await ReadAsync(factory, tenant.MunicipalityId, db => db.Set<SupportingDocumentType>().Where(t => t.IsPaiDocument).Select(t => t.Id).SingleAsync());
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var childUrl = $"/mon-dossier/enfants/{tenant.ChildId}";
        var staffFiche = $"/admin/familles/enfants/{tenant.ChildId}/fiche-sanitaire";

        // No PAI yet: nothing asked, nothing shown.
        Assert.DoesNotContain(PaiType, TextOf(await parent.GetPageAsync(PagePath)), StringComparison.Ordinal);
        Assert.Null((await parent.GetPageAsync(childUrl)).QuerySelector("[data-pai-document]"));
        Assert.Null((await admin.GetPageAsync(staffFiche)).QuerySelector("[data-pai-status]"));

        // « Mon enfant a un PAI », waiting for the collectivité.
        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync(childUrl, Families.FamilyFileKit.PeanutSheet)).StatusCode);
        var waiting = Normalize((await parent.GetPageAsync(childUrl)).QuerySelector("[data-pai-document]")!.TextContent);
        Assert.StartsWith($"Document du PAI (« {PaiType} ») : à fournir", waiting, StringComparison.Ordinal);
        Assert.Contains("dès que la collectivité aura validé la fiche sanitaire", waiting, StringComparison.Ordinal);

        var queue = await admin.GetPageAsync("/admin/demandes");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(queue, "/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")).StatusCode);

        var childPage = await parent.GetPageAsync(childUrl);
        var link = childPage.QuerySelector("[data-pai-document] a")!;
        Assert.Equal($"/mon-dossier/pieces#piece-{paiTypeId}-{tenant.ChildId}", link.GetAttribute("href"));
        var pieces = await parent.GetPageAsync(PagePath);
        Assert.Equal("à fournir", pieces.QuerySelector($"#piece-{paiTypeId}-{tenant.ChildId} .document-status strong")!.TextContent);
        Assert.Contains($"« {PaiType} » : à fournir — la famille ne l'a pas encore déposé.", Normalize((await admin.GetPageAsync(staffFiche)).QuerySelector("[data-pai-status]")!.TextContent), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(parent, paiTypeId, tenant.ChildId, Pdf("PAI Lou"), "pai.pdf")).StatusCode);
        Assert.StartsWith($"Document du PAI (« {PaiType} ») : déposée", Normalize((await parent.GetPageAsync(childUrl)).QuerySelector("[data-pai-document]")!.TextContent), StringComparison.Ordinal);
        var documentId = await ReadAsync(factory, tenant.MunicipalityId, db => db.Set<SupportingDocument>().Where(d => d.TypeId == paiTypeId).Select(d => d.Id).SingleAsync());
        var fiche = await admin.GetPageAsync(staffFiche);
        Assert.Equal($"« {PaiType} » : déposée, à valider — voir le document du PAI de Lou MARTIN", Normalize(fiche.QuerySelector("[data-pai-status]")!.TextContent));
        Assert.Equal($"/admin/pieces/{documentId}", fiche.QuerySelector("[data-pai-status] a")!.GetAttribute("href"));

        var viewer = await admin.GetPageAsync($"/admin/pieces/{documentId}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(viewer, $"/admin/pieces/{documentId}", new Dictionary<string, string?>(), "Validate")).StatusCode);

        Assert.Equal($"« {PaiType} » : validé (expire le 16/11/2027) — voir le document du PAI de Lou MARTIN", Normalize((await admin.GetPageAsync(staffFiche)).QuerySelector("[data-pai-status]")!.TextContent));
        Assert.StartsWith($"Document du PAI (« {PaiType} ») : validée (expire le 16/11/2027)", Normalize((await parent.GetPageAsync(childUrl)).QuerySelector("[data-pai-document]")!.TextContent), StringComparison.Ordinal);
        // The other types stay asked as before.
        Assert.Contains($"#piece-{types.ChildTypeId}-{tenant.ChildId}", "#" + string.Join(" #", (await parent.GetPageAsync(PagePath)).QuerySelectorAll("li.document-requirement").Select(li => li.Id)), StringComparison.Ordinal);
    }
}
