using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;
using static FamilyPortal.Tests.Features.Messages.MessageKit;

namespace FamilyPortal.Tests.Features.Messages;

/// <summary>The inbox of the collectivité: « Écrire à la famille », assignment, status, internal notes, search, the journal and the tableau de bord.</summary>
public class StaffMessagesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task An_agent_writes_to_a_family_from_its_file_and_the_family_gets_a_mail_with_only_a_link()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var file = await agent.GetPageAsync($"/admin/familles/{tenant.FamilyId}");
        Assert.NotNull(file.QuerySelector($"a[href='/admin/messages/ecrire/{tenant.FamilyId}']"));

        var sent = await PostAsync(agent, $"/admin/messages/ecrire/{tenant.FamilyId}",
            new Dictionary<string, string> { ["Subject"] = "Restauration scolaire", ["Text"] = "Votre enfant a oublié son PAI-SECRET." });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thread = (await ThreadsAsync(factory, tenant.MunicipalityId)).Last();
        Assert.Equal($"/admin/messages/{thread.Id}", sent.Headers.Location!.OriginalString);
        Assert.True(thread.StartedByStaff);
        Assert.Equal(ThreadStatus.InProgress, thread.Status);
        var mail = Assert.Single(await MailsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(tenant.FamilyEmail, mail.ToAddress);
        Assert.DoesNotContain("PAI-SECRET", mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://portail.exemple.test/messages/{thread.Id}", mail.TextBody, StringComparison.Ordinal);

        // The journal records the message, its text masked: the journal outlives the thread.
        var journal = await ReadAsync(factory, tenant.MunicipalityId, db => db.JournalEntries.AsNoTracking().Where(j => j.EntityType == nameof(Message)).ToListAsync());
        var entry = Assert.Single(journal);
        Assert.DoesNotContain("PAI-SECRET", entry.Changes ?? "", StringComparison.Ordinal);
        Assert.Contains(JournalValues.Parse(entry.Changes), c => c.Field == nameof(Message.Text) && c.Masked);
    }

    [Fact]
    public async Task An_internal_note_is_not_mailed_and_the_status_and_agent_in_charge_are_kept()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var colleague = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var thread = await BuiltThreadAsync(factory, tenant.MunicipalityId);
        var url = $"/admin/messages/{thread.Id}";

        var noted = await PostAsync(agent, url, new Dictionary<string, string> { ["Text"] = "À rappeler lundi", ["InternalNote"] = "true" }, formAction: "/Reply");
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        Assert.Empty(await MailsAsync(factory, tenant.MunicipalityId));
        Assert.True((await BuiltThreadAsync(factory, tenant.MunicipalityId)).Messages.Single(m => m.Text == "À rappeler lundi").IsInternalNote);

        var managed = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Status"] = "traite", ["AssignedAccountId"] = colleague.Id }, "/Manage");
        Assert.Equal(HttpStatusCode.Redirect, managed.StatusCode);
        thread = await BuiltThreadAsync(factory, tenant.MunicipalityId);
        Assert.Equal((ThreadStatus.Treated, colleague.Id), (thread.Status, thread.AssignedAccountId));
        var inbox = await agent.GetPageAsync("/admin/messages?statut=traite");
        Assert.Contains("Claire AGENT", inbox.QuerySelector($"tr[data-thread='{thread.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await agent.GetPageAsync("/admin/messages?statut=nouveau")).QuerySelectorAll($"tr[data-thread='{thread.Id}']"));
    }

    [Theory]
    [InlineData("other-collectivite", ThreadModelMessages.UnknownAgent, "AssignedAccountId")]
    [InlineData("bad-status", ThreadModelMessages.UnknownStatus, "Status")]
    public async Task A_hostile_assignment_is_refused_in_french_and_nothing_is_written(string kind, string message, string field)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var stranger = await StaffJourney.CreateAsync(factory, other.MunicipalityId, Roles.Agent);
        var thread = await BuiltThreadAsync(factory, tenant.MunicipalityId);
        var url = $"/admin/messages/{thread.Id}";
        await agent.GetPageAsync(url);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var response = await agent.PostFormAsync(url, kind == "bad-status"
            ? new Dictionary<string, string?> { ["Status"] = "<script>PIRATE</script>" }
            : new Dictionary<string, string?> { ["AssignedAccountId"] = stranger.Id }, "/Manage");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(DatabaseFingerprint.Differences(before, after).Length == 0, DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task The_inbox_searches_the_subject_the_text_and_the_family_name_and_the_dashboard_counts_new_and_unread_threads()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var thread = await BuiltThreadAsync(factory, tenant.MunicipalityId);
        Assert.Contains("Messagerie : 1 conversation nouvelle, 0 non lue", TextOf(await agent.GetPageAsync("/admin")), StringComparison.Ordinal);

        await PostAsync(parent, "/messages/ecrire", new Dictionary<string, string> { ["Subject"] = "Restauration scolaire", ["Text"] = "Question sur la cantine de jeudi" });

        Assert.Contains("Messagerie : 2 conversations nouvelles, 1 non lue", TextOf(await agent.GetPageAsync("/admin")), StringComparison.Ordinal);
        int Rows(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("tr[data-thread]").Length;
        Assert.Equal(2, Rows(await agent.GetPageAsync("/admin/messages?q=martin")));
        Assert.Equal(1, Rows(await agent.GetPageAsync("/admin/messages?q=cantine%20de%20jeudi")));
        Assert.Equal(1, Rows(await agent.GetPageAsync("/admin/messages?q=" + Uri.EscapeDataString(MessageRows.InternalNoteText))));
        Assert.Equal(2, Rows(await agent.GetPageAsync("/admin/messages?q=restauration")));
        Assert.Equal(0, Rows(await agent.GetPageAsync("/admin/messages?q=100%25")));
        Assert.NotNull((await agent.GetPageAsync($"/admin/messages?q=martin")).QuerySelector($"tr[data-thread='{thread.Id}']"));
    }

    [Fact]
    public async Task Administrators_keep_the_list_of_subjects_agents_read_it_and_an_empty_list_is_refused()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        const string url = "/admin/messages/sujets";

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(url)).StatusCode);
        var saved = await admin.PostFormAsync(url, new Dictionary<string, string?> { ["Subjects"] = "Périscolaire\r\n\r\nFacturation\r\nfacturation\r\n" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Périscolaire", "Facturation"], await ReadAsync(factory, tenant.MunicipalityId, db => db.Set<MessageSubject>().OrderBy(s => s.SortOrder).Select(s => s.Name).ToListAsync()));
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        Assert.Equal(["", "Périscolaire", "Facturation"], (await parent.GetPageAsync("/messages/ecrire")).QuerySelectorAll("select[name=Subject] option").Select(o => o.GetAttribute("value")));

        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        var refused = await admin.PostFormAsync(url, new Dictionary<string, string?> { ["Subjects"] = " \n " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(MessageRules.SubjectsMissing, PageClient.ErrorOf(await PageClient.ParseAsync(refused), "Subjects"));
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(DatabaseFingerprint.Differences(before, after).Length == 0, DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task The_staff_export_of_a_family_holds_its_threads_with_the_internal_notes()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var url = $"/admin/familles/{tenant.FamilyId}/depart";

        var export = await admin.SubmitAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string?>(), "handler=Export");

        var json = await export.Content.ReadAsStringAsync();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var thread = Assert.Single(document.RootElement.GetProperty("messagerie").EnumerateArray());
        Assert.Equal(3, thread.GetProperty("messages").GetArrayLength());
        Assert.Contains(MessageRows.InternalNoteText, json, StringComparison.Ordinal);
    }
}

/// <summary>The French messages of the staff thread page, as constants the attributes can name.</summary>
internal static class ThreadModelMessages
{
    public const string UnknownAgent = Web.Features.Messages.Admin.ThreadModel.UnknownAgent;
    public const string UnknownStatus = Web.Features.Messages.Admin.ThreadModel.UnknownStatus;
}
