using System.Net;
using FamilyPortal.Tests.Features.Invoices;
using FamilyPortal.Web.Features.Families.MyFile;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Families.FamilyFileKit;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>« Mon dossier famille », part « Famille » and contacts, and the staff's « Demandes de modification ».</summary>
public class ChangeRequestTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task A_refusal_needs_a_reason_then_the_family_is_told_why_and_the_file_is_unchanged()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?>
        {
            ["Input.AddressLine"] = "3 rue des Lilas",
            ["Input.PostalCode"] = "54200",
            ["Input.City"] = "Écrouves",
            ["Input.AllowanceBody"] = "CAF",
            ["Input.AllowanceNumber"] = "1234567",
        })).StatusCode);
        Assert.Contains("en attente de validation", (await parent.GetPageAsync("/mon-dossier")).QuerySelector("#Input_AddressLine-attente")!.TextContent, StringComparison.Ordinal);
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var queue = await agent.GetPageAsync("/admin/demandes");
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var blank = await agent.SubmitAsync(queue, "/admin/demandes", new Dictionary<string, string?> { ["reason"] = " " }, "handler=Refuse");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Contains(ChangeRequestDecisions.ReasonRequired, (await PageClient.ParseAsync(blank)).QuerySelector(".field-error:not(:empty)")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        var refused = await agent.SubmitAsync(queue, "/admin/demandes", new Dictionary<string, string?> { ["reason"] = "Justificatif de domicile manquant" }, "handler=Refuse");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var request = Assert.Single(await RequestsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(ChangeRequestStatus.Refused, request.Status);
        Assert.Equal("Justificatif de domicile manquant", request.Reason);
        Assert.Null(await ReadAsync(factory, tenant.MunicipalityId, db => db.Families.Where(f => f.Id == tenant.FamilyId).Select(f => f.AddressLine).SingleAsync()));
        var mail = await ReadAsync(factory, tenant.MunicipalityId, db => db.OutboxMessages.Where(m => m.MunicipalityId == tenant.MunicipalityId && m.Subject.Contains("refusée")).CountAsync());
        Assert.Equal(1, mail);
        var filtered = await agent.GetPageAsync("/admin/demandes?statut=Refused&famille=" + Uri.EscapeDataString("ZZZ"));
        Assert.Empty(filtered.QuerySelectorAll(".change-request"));
        Assert.Single((await agent.GetPageAsync("/admin/demandes?statut=Refused&type=Family")).QuerySelectorAll(".change-request"));
    }

    [Fact]
    public async Task A_staff_edit_between_the_request_and_its_acceptance_is_detected_and_nothing_is_applied()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?> { ["Input.City"] = "Toul" })).StatusCode);
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var queue = await agent.GetPageAsync("/admin/demandes");
        await ReadAsync(factory, tenant.MunicipalityId, db => db.Families.Where(f => f.Id == tenant.FamilyId)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.City, "Nancy").SetProperty(f => f.Version, f => f.Version + 1)));

        var response = await agent.SubmitAsync(queue, "/admin/demandes", new Dictionary<string, string?>(), "handler=Accept");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("modifié entre-temps", (await PageClient.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nancy", await ReadAsync(factory, tenant.MunicipalityId, db => db.Families.Where(f => f.Id == tenant.FamilyId).Select(f => f.City).SingleAsync()));
        Assert.Equal(ChangeRequestStatus.Pending, Assert.Single(await RequestsAsync(factory, tenant.MunicipalityId)).Status);
    }

    [Fact]
    public async Task A_responsables_email_changed_by_a_parent_waits_for_the_collectivite_then_is_applied()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var adultId = await ReadAsync(factory, tenant.MunicipalityId, db => db.ResponsibleAdults.Where(a => a.FamilyId == tenant.FamilyId).Select(a => a.Id).FirstAsync());
        var stored = await ReadAsync(factory, tenant.MunicipalityId, db => db.ResponsibleAdults.Where(a => a.Id == adultId).Select(a => a.Email).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?> { ["Input.Adults[0].Email"] = " Nouvelle.Adresse@Exemple.TEST" })).StatusCode);

        Assert.Equal(stored, await ReadAsync(factory, tenant.MunicipalityId, db => db.ResponsibleAdults.Where(a => a.Id == adultId).Select(a => a.Email).SingleAsync()));
        Assert.Contains("en attente de validation", (await parent.GetPageAsync("/mon-dossier")).QuerySelector("#Input_Adults_0__Email-attente")!.TextContent, StringComparison.Ordinal);
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var queue = await agent.GetPageAsync("/admin/demandes");
        Assert.Contains(queue.QuerySelectorAll(".change-request tbody tr").Select(r => BillingKit.Normalize(r.TextContent)), r => r.EndsWith("nouvelle.adresse@exemple.test", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(queue, "/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")).StatusCode);

        Assert.Equal("nouvelle.adresse@exemple.test", await ReadAsync(factory, tenant.MunicipalityId, db => db.ResponsibleAdults.Where(a => a.Id == adultId).Select(a => a.Email).SingleAsync()));
    }

    [Fact]
    public async Task With_the_collectivite_option_a_phone_change_applies_at_once_and_is_journalled()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/demandes/reglages", new Dictionary<string, string?> { ["ApplyAtOnce"] = "true" })).StatusCode);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);

        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?> { ["Input.Phone"] = "06 11 22 33 44" })).StatusCode);

        Assert.Equal("0611223344", await ReadAsync(factory, tenant.MunicipalityId, db => db.Families.Where(f => f.Id == tenant.FamilyId).Select(f => f.Phone).SingleAsync()));
        Assert.Empty(await RequestsAsync(factory, tenant.MunicipalityId));
        var entry = await ReadAsync(factory, tenant.MunicipalityId, db => db.JournalEntries.Where(j => j.EntityType == nameof(Family) && !j.ActorIsStaff).SingleAsync());
        Assert.Contains("0611223344", entry.Changes, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?> { ["Input.City"] = "Toul" })).StatusCode);
        Assert.Equal(ChangeSection.Family, Assert.Single(await RequestsAsync(factory, tenant.MunicipalityId)).Section);
    }

    [Fact]
    public async Task Contacts_are_one_person_once_with_the_children_concerned_and_wrong_ones_write_nothing()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var child = tenant.ChildId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var wrong = await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?>
        {
            ["Contacts[1].LastName"] = "DURAND",
            ["Contacts[1].FirstName"] = "Odile",
            ["Contacts[1].Phone"] = "0612345678",
        }, "handler=Contacts");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var page = await PageClient.ParseAsync(wrong);
        Assert.Equal("Cochez « à prévenir en cas d'urgence », « autorisée à récupérer l'enfant », ou les deux.", PageClient.ErrorOf(page, "Contacts[1].Emergency"));
        Assert.Equal("Cochez au moins un enfant concerné.", PageClient.ErrorOf(page, "Contacts[1].ChildIds"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        var twice = await parent.Http.PostAsync("/mon-dossier?handler=Contacts", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", TokenOf(await parent.GetPageAsync("/mon-dossier"))),
            new("Contacts[0].LastName", "DURAND"), new("Contacts[0].FirstName", "Odile"), new("Contacts[0].Phone", "0612345678"),
            new("Contacts[0].Pickup", "true"), new("Contacts[0].ChildIds", child),
            new("Contacts[1].LastName", "durand"), new("Contacts[1].FirstName", "ODILE"), new("Contacts[1].Phone", "0612345679"),
            new("Contacts[1].Emergency", "true"), new("Contacts[1].ChildIds", child),
        ]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.StartsWith("ODILE durand est déjà un contact de la famille", PageClient.ErrorOf(await PageClient.ParseAsync(twice), "Contacts[1].LastName"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?>
        {
            ["Contacts[1].LastName"] = "DURAND",
            ["Contacts[1].FirstName"] = "Odile",
            ["Contacts[1].Relationship"] = "Grand-mère",
            ["Contacts[1].Phone"] = "06 12 34 56 78",
            ["Contacts[1].Pickup"] = "true",
            ["Contacts[1].Emergency"] = "true",
            ["Contacts[1].ChildIds"] = child,
        }, "handler=Contacts")).StatusCode);
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync("/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")).StatusCode);
        var contact = await ReadAsync(factory, tenant.MunicipalityId, db => db.FamilyContacts.Include(c => c.Children).SingleAsync(c => c.FamilyId == tenant.FamilyId && c.LastName == "DURAND"));
        Assert.Equal(("Odile", "0612345678", true, true), (contact.FirstName, contact.Phone, contact.IsAuthorisedPickup, contact.IsEmergencyContact));
        Assert.Equal(tenant.ChildId, Assert.Single(contact.Children).ChildId);
    }

    [Fact]
    public async Task The_familys_own_email_changed_by_a_parent_always_waits_for_the_collectivite_then_is_applied()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/demandes/reglages", new Dictionary<string, string?> { ["ApplyAtOnce"] = "true" })).StatusCode);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        Assert.Equal(tenant.FamilyEmail, ((AngleSharp.Html.Dom.IHtmlInputElement)(await parent.GetPageAsync("/mon-dossier")).QuerySelector("#Input_Email")!).Value);

        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?> { ["Input.Email"] = " Nouvelle.Famille@Exemple.TEST " })).StatusCode);

        // Even with phones and emails applied at once, the address that receives the code d'adhésion waits.
        Assert.Equal(tenant.FamilyEmail, await ReadAsync(factory, tenant.MunicipalityId, db => db.Families.Where(f => f.Id == tenant.FamilyId).Select(f => f.Email).SingleAsync()));
        Assert.Contains("en attente de validation", (await parent.GetPageAsync("/mon-dossier")).QuerySelector("#Input_Email-attente")!.TextContent, StringComparison.Ordinal);
        var queue = await admin.GetPageAsync("/admin/demandes");
        Assert.Contains(queue.QuerySelectorAll(".change-request tbody tr").Select(r => BillingKit.Normalize(r.TextContent)),
            r => r.StartsWith("Adresse email de la famille", StringComparison.Ordinal) && r.EndsWith("nouvelle.famille@exemple.test", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(queue, "/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")).StatusCode);

        Assert.Equal("nouvelle.famille@exemple.test", await ReadAsync(factory, tenant.MunicipalityId, db => db.Families.Where(f => f.Id == tenant.FamilyId).Select(f => f.Email).SingleAsync()));
        var notice = await ReadAsync(factory, tenant.MunicipalityId, db => db.OutboxMessages
            .Where(m => m.MunicipalityId == tenant.MunicipalityId && m.Subject.StartsWith("Adresse email de votre famille modifiée")).ToListAsync());
        Assert.Equal(tenant.FamilyEmail, Assert.Single(notice).ToAddress);
    }

    [Theory]
    [InlineData("", FamilyInput.EmailRequired)]
    [InlineData("famille.exemple.fr", AdultFields.EmailMessage)]
    [InlineData("<script>@x", AdultFields.EmailMessage)]
    public async Task A_missing_or_wrong_family_email_is_refused_next_to_its_field_and_nothing_is_written(string email, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var wrong = await parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.City"] = "Toul" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(wrong), "Input.Email"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));
    }

    private static string TokenOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("form[action*='handler=Contacts'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
