using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Documents.DocumentKit;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Documents;

/// <summary>« Pièces à valider »: the queue, the viewer (journalled), the decisions emailed to the family, « Types de pièces ».</summary>
public class StaffDocumentsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private async Task<(TenantBuilder.Tenant Tenant, Types Types, PageClient Parent, PageClient Agent)> DepositedAsync(byte[] content, string name, string contentType, bool perChild = false)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var types = await AddTypesAsync(factory, tenant.MunicipalityId);
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var deposit = await DepositAsync(parent, perChild ? types.ChildTypeId : types.FamilyTypeId, perChild ? tenant.ChildId : null, content, name, contentType);
        Assert.Equal(HttpStatusCode.Redirect, deposit.StatusCode);
        return (tenant, types, parent, await StaffAsync(factory, tenant.MunicipalityId));
    }

    private Task<List<JournalEntry>> ViewsAsync(int municipalityId) =>
        ReadAsync(factory, municipalityId, db => db.JournalEntries.AsNoTracking().Where(j => j.Action == JournalAction.Viewed).OrderBy(j => j.Id).ToListAsync());

    private Task<List<string>> MailSubjectsAsync(int municipalityId) =>
        ReadAsync(factory, municipalityId, db => db.OutboxMessages.AsNoTracking().Where(m => m.MunicipalityId == municipalityId && m.Subject.StartsWith("Pièce"))
            .OrderBy(m => m.Id).Select(m => m.Subject + " → " + m.ToAddress).ToListAsync());

    [Fact]
    public async Task Staff_see_the_queue_view_the_photo_inline_journalled_and_validate_it_the_family_being_emailed()
    {
        var (tenant, _, parent, agent) = await DepositedAsync(Png(), "carnet.png", "image/png", perChild: true);
        var id = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId)).Id;

        Assert.Contains("Pièces à valider : 1", Normalize((await agent.GetPageAsync("/admin")).QuerySelector(".dashboard-documents")!.TextContent), StringComparison.Ordinal);
        var queue = await agent.GetPageAsync("/admin/pieces");
        Assert.Equal("Carnet de vaccinations MARTIN Lou MARTIN 16/11/2026 Examiner « Carnet de vaccinations » de la famille MARTIN",
            Normalize(queue.QuerySelector("table.documents-queue tbody tr")!.TextContent));

        var viewer = await agent.GetPageAsync($"/admin/pieces/{id}");
        Assert.Equal($"/admin/pieces/{id}/Image", viewer.QuerySelector(".document-viewer img")!.GetAttribute("src"));
        var image = await agent.Http.GetAsync($"/admin/pieces/{id}/Image");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        var view = Assert.Single(await ViewsAsync(tenant.MunicipalityId));
        Assert.Equal(("SupportingDocument", $"{id}", true), (view.EntityType, view.EntityKey, view.ActorIsStaff));
        Assert.Equal("Pièce justificative « Carnet de vaccinations » de Lou MARTIN de la famille MARTIN affichée", view.Summary);

        var validated = await agent.SubmitAsync(viewer, $"/admin/pieces/{id}", new Dictionary<string, string?>(), "Validate");
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);

        var stored = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(DocumentStatus.Validated, stored.Status);
        Assert.Null(stored.ExpiresOn);
        Assert.NotNull(stored.DecidedByAccountId);
        // The family's registered address and the parent's confirmed account address.
        var mails = await MailSubjectsAsync(tenant.MunicipalityId);
        Assert.Equal(2, mails.Count);
        Assert.Contains($"Pièce validée : Carnet de vaccinations – {tenant.Name} → {tenant.FamilyEmail}", mails);
        Assert.All(mails, m => Assert.StartsWith($"Pièce validée : Carnet de vaccinations – {tenant.Name} → ", m, StringComparison.Ordinal));
        Assert.Contains("Carnet de vaccinations – Lou MARTIN | État : validée", Rows(await parent.GetPageAsync(PagePath)));
        Assert.Contains("Aucune pièce en attente de validation.", TextOf(await agent.GetPageAsync("/admin/pieces")), StringComparison.Ordinal);
    }

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("li.document-requirement").Select(li => Normalize(li.QuerySelector("h2")!.TextContent + " | " + li.QuerySelector(".document-status")!.TextContent)).ToList();

    [Fact]
    public async Task A_pdf_is_never_shown_inline_its_download_is_an_attachment_journalled_and_validation_sets_its_expiry()
    {
        var (tenant, _, parent, agent) = await DepositedAsync(Pdf(), "attestation.pdf", "application/pdf");
        var id = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId)).Id;

        var viewer = await agent.GetPageAsync($"/admin/pieces/{id}");
        Assert.Null(viewer.QuerySelector(".document-viewer img"));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/pieces/{id}/Image")).StatusCode);
        var download = await agent.Http.GetAsync($"/admin/pieces/{id}/Download");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.EndsWith("téléchargée", Assert.Single(await ViewsAsync(tenant.MunicipalityId)).Summary, StringComparison.Ordinal);

        await agent.SubmitAsync(viewer, $"/admin/pieces/{id}", new Dictionary<string, string?>(), "Validate");

        Assert.Equal(new DateOnly(2027, 11, 16), Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId)).ExpiresOn);
        Assert.Equal("Attestation de quotient familial | État : validée (expire le 16/11/2027)", Rows(await parent.GetPageAsync(PagePath))[0]);
    }

    [Fact]
    public async Task A_refusal_needs_its_reason_which_the_family_reads_on_its_page_and_in_its_email()
    {
        var (tenant, _, parent, agent) = await DepositedAsync(Pdf(), "attestation.pdf", "application/pdf");
        var id = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId)).Id;
        var viewer = await agent.GetPageAsync($"/admin/pieces/{id}");
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var empty = await agent.SubmitAsync(viewer, $"/admin/pieces/{id}", new Dictionary<string, string?> { ["Reason"] = "  " }, "Refuse");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(DocumentDecisions.ReasonMissing, PageClient.ErrorOf(await PageClient.ParseAsync(empty), "Reason"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        var refused = await agent.SubmitAsync(viewer, $"/admin/pieces/{id}", new Dictionary<string, string?> { ["Reason"] = "Attestation de plus de trois mois" }, "Refuse");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("Attestation de quotient familial | État : refusée (motif : Attestation de plus de trois mois)", Rows(await parent.GetPageAsync(PagePath))[0]);
        Assert.Contains($"Pièce refusée : Attestation de quotient familial – {tenant.Name} → {tenant.FamilyEmail}", await MailSubjectsAsync(tenant.MunicipalityId));
        var again = await agent.SubmitAsync(viewer, $"/admin/pieces/{id}", new Dictionary<string, string?>(), "Validate");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(DocumentStatus.Refused, Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId)).Status);
    }

    [Fact]
    public async Task Staff_of_another_collectivite_get_404_for_the_document_its_image_and_its_download()
    {
        var (tenant, _, _, _) = await DepositedAsync(Png(), "carnet.png", "image/png", perChild: true);
        var id = Assert.Single(await DocumentsAsync(factory, tenant.MunicipalityId)).Id;
        var other = await TenantBuilder.CreateAsync(factory);
        var stranger = await StaffAsync(factory, other.MunicipalityId, Roles.Administrator);

        foreach (var url in new[] { $"/admin/pieces/{id}", $"/admin/pieces/{id}/Image", $"/admin/pieces/{id}/Download" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(url)).StatusCode);
        }
        Assert.Contains("Aucune pièce en attente", TextOf(await stranger.GetPageAsync("/admin/pieces")), StringComparison.Ordinal);
        Assert.Empty(await ViewsAsync(tenant.MunicipalityId));
    }

    [Fact]
    public async Task Administrators_add_and_change_types_agents_only_read_them()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);

        var added = await admin.PostFormAsync("/admin/pieces/types", new Dictionary<string, string?> { ["Input.Name"] = "Attestation d'assurance", ["Input.ValidityMonths"] = "12" }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var type = await ReadAsync(factory, tenant.MunicipalityId, db => db.Set<SupportingDocumentType>().AsNoTracking().SingleAsync(t => t.IsActive));
        Assert.Equal(("Attestation d'assurance", false, (int?)12, true), (type.Name, type.PerChild, type.ValidityMonths, type.IsActive));

        var duplicate = await admin.PostFormAsync("/admin/pieces/types", new Dictionary<string, string?> { ["Input.Name"] = "attestation d'assurance" }, "Save");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Equal("Une pièce porte déjà ce nom.", PageClient.ErrorOf(await PageClient.ParseAsync(duplicate), "Input.Name"));

        var list = await agent.GetPageAsync("/admin/pieces/types");
        Assert.Contains("Attestation d'assurance la famille tous 12 mois — demandée", list.QuerySelectorAll("table.document-types tbody tr").Select(tr => Normalize(tr.TextContent)));
        Assert.Null(list.QuerySelector("form[action*='Save']"));
        var token = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forbidden = await agent.Http.PostAsync("/admin/pieces/types/Save", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Name"] = "X" }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var edit = await admin.GetPageAsync($"/admin/pieces/types?modifier={type.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(edit, "/admin/pieces/types", new Dictionary<string, string?> { ["Input.PerChild"] = "true" }, "Save")).StatusCode);
        Assert.True((await ReadAsync(factory, tenant.MunicipalityId, db => db.Set<SupportingDocumentType>().AsNoTracking().SingleAsync(t => t.IsActive))).PerChild);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(edit, "/admin/pieces/types", new Dictionary<string, string?>(), $"Delete?typeId={type.Id}")).StatusCode);
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.Set<SupportingDocumentType>().AnyAsync(t => t.Id == type.Id)));
    }
}
