using System.Net;
using System.Text;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;
using static FamilyPortal.Tests.Features.Messages.MessageKit;

namespace FamilyPortal.Tests.Features.Messages;

/// <summary>« Écrire à la mairie », the family's threads with « non lu », the reply, the link-only mail, and what a family never sees.</summary>
public class ParentMessagesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Subject = "Restauration scolaire";

    [Fact]
    public async Task A_parent_writes_with_an_attachment_the_agent_replies_and_the_parent_reads_the_reply_unread_then_read()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var marker = "CONTENU-DE-LA-PIECE-" + Guid.NewGuid().ToString("N");

        Assert.NotNull((await parent.GetPageAsync("/actualites")).QuerySelector("nav a[href='/messages']"));
        Assert.NotNull((await parent.GetPageAsync("/messages")).QuerySelector("a[href='/messages/ecrire']"));
        var sent = await PostAsync(parent, "/messages/ecrire", new Dictionary<string, string> { ["Subject"] = Subject, ["Text"] = "Bonjour,\nmon fils ne mange pas de porc." },
            (Documents.DocumentKit.Pdf(marker), "regime.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thread = (await ThreadsAsync(factory, tenant.MunicipalityId)).Last();
        Assert.Equal($"/messages/{thread.Id}", sent.Headers.Location!.OriginalString);
        Assert.Equal((tenant.FamilyId, Subject, ThreadStatus.New, false), (thread.FamilyId, thread.Subject, thread.Status, thread.StartedByStaff));
        var question = Assert.Single(thread.Messages);
        Assert.Equal((MessageSide.Parent, "Bonjour,\nmon fils ne mange pas de porc.", "regime.pdf", "application/pdf"),
            (question.AuthorSide, question.Text, question.AttachmentName, question.AttachmentContentType));
        Assert.DoesNotContain(marker, Encoding.Latin1.GetString(question.AttachmentSealed!), StringComparison.Ordinal);
        Assert.Contains("Votre message a été envoyé à la mairie.", TextOf(await parent.GetPageAsync($"/messages/{thread.Id}")), StringComparison.Ordinal);

        var inbox = await agent.GetPageAsync("/admin/messages");
        Assert.Contains("non lu", inbox.QuerySelector($"tr[data-thread='{thread.Id}']")!.TextContent, StringComparison.Ordinal);
        var staffView = await agent.GetPageAsync($"/admin/messages/{thread.Id}");
        Assert.Contains("mon fils ne mange pas de porc.", TextOf(staffView), StringComparison.Ordinal);
        var download = await agent.Http.GetAsync(staffView.QuerySelector("a[href*='Attachment']")!.GetAttribute("href"));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Documents.DocumentKit.Pdf(marker), await download.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("non lu", (await agent.GetPageAsync("/admin/messages")).QuerySelector($"tr[data-thread='{thread.Id}']")!.TextContent, StringComparison.Ordinal);

        const string secret = "Le menu sans porc est prévu CONFIDENTIEL-42";
        var replied = await PostAsync(agent, $"/admin/messages/{thread.Id}", new Dictionary<string, string> { ["Text"] = secret }, formAction: "/Reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        Assert.Equal(ThreadStatus.InProgress, (await ThreadsAsync(factory, tenant.MunicipalityId)).Single(t => t.Id == thread.Id).Status);

        var mails = (await MailsAsync(factory, tenant.MunicipalityId)).Where(m => m.Subject.StartsWith(MessagesEmails.Subject, StringComparison.Ordinal)).ToList();
        Assert.Contains(mails, m => m.ToAddress == tenant.FamilyEmail);
        Assert.True(mails.Count >= 2, "the family's address and the parent's account");
        foreach (var mail in mails)
        {
            foreach (var body in new[] { mail.TextBody, mail.HtmlBody, mail.Subject })
            {
                Assert.DoesNotContain("CONFIDENTIEL-42", body, StringComparison.Ordinal);
                Assert.DoesNotContain("porc", body, StringComparison.Ordinal);
                Assert.DoesNotContain(Subject, body, StringComparison.Ordinal);
            }
            Assert.Contains($"https://portail.exemple.test/messages/{thread.Id}", mail.TextBody, StringComparison.Ordinal);
        }

        var list = await parent.GetPageAsync("/messages");
        Assert.Contains("non lu", list.QuerySelector($"li[data-thread='{thread.Id}']")!.TextContent, StringComparison.Ordinal);
        var reading = await parent.GetPageAsync($"/messages/{thread.Id}");
        Assert.Contains(secret, TextOf(reading), StringComparison.Ordinal);
        Assert.Contains("Mairie – " + tenant.Name, TextOf(reading), StringComparison.Ordinal);
        Assert.DoesNotContain("Claire", TextOf(reading), StringComparison.Ordinal);
        Assert.DoesNotContain("non lu", (await parent.GetPageAsync("/messages")).QuerySelector($"li[data-thread='{thread.Id}']")!.TextContent, StringComparison.Ordinal);

        var answer = await PostAsync(parent, $"/messages/{thread.Id}", new Dictionary<string, string> { ["Text"] = "Merci beaucoup." }, formAction: "/Reply");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(3, (await ThreadsAsync(factory, tenant.MunicipalityId)).Single(t => t.Id == thread.Id).Messages.Count);
    }

    [Fact]
    public async Task A_parent_never_sees_an_internal_note_nor_another_familys_thread_and_staff_of_another_collectivite_get_404()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var thread = await BuiltThreadAsync(factory, tenant.MunicipalityId);
        var note = thread.Messages.Single(m => m.IsInternalNote);
        var answer = thread.Messages.Single(m => m.AuthorSide == MessageSide.Staff && !m.IsInternalNote);

        var page = await parent.GetPageAsync($"/messages/{thread.Id}");
        Assert.Contains("Réponse de la mairie", TextOf(page), StringComparison.Ordinal);
        Assert.DoesNotContain(MessageRows.InternalNoteText, TextOf(page), StringComparison.Ordinal);
        Assert.DoesNotContain("note.pdf", TextOf(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.Http.GetAsync($"/messages/{thread.Id}/Attachment?messageId={note.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await parent.Http.GetAsync($"/messages/{thread.Id}/Attachment?messageId={answer.Id}")).StatusCode);

        var otherThread = await BuiltThreadAsync(factory, other.MunicipalityId);
        var otherMessage = otherThread.Messages.First(m => m.AttachmentName != null && !m.IsInternalNote);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.Http.GetAsync($"/messages/{otherThread.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.Http.GetAsync($"/messages/{otherThread.Id}/Attachment?messageId={otherMessage.Id}")).StatusCode);
        Assert.Equal([thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            (await parent.GetPageAsync("/messages")).QuerySelectorAll("li[data-thread]").Select(li => li.GetAttribute("data-thread")));

        var otherAgent = await StaffAsync(factory, other.MunicipalityId);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgent.Http.GetAsync($"/admin/messages/{thread.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgent.Http.GetAsync($"/admin/messages/{thread.Id}/Attachment?messageId={note.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgent.Http.GetAsync($"/admin/messages/ecrire/{tenant.FamilyId}")).StatusCode);
        Assert.DoesNotContain(tenant.Name, TextOf(await otherAgent.GetPageAsync("/admin/messages?q=MARTIN")), StringComparison.Ordinal);
        Assert.Single((await otherAgent.GetPageAsync("/admin/messages?q=MARTIN")).QuerySelectorAll("tr[data-thread]"));

        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        Assert.Contains(MessageRows.InternalNoteText, TextOf(await agent.GetPageAsync($"/admin/messages/{thread.Id}")), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> HostileForms => new()
    {
        { "empty-text", "   ", MessageRules.TextMissing },
        { "unknown-subject", "Bonjour", MessageRules.SubjectMissing },
        { "zip-file", "Bonjour", UploadRules.WrongType },
        { "too-long", new string('a', 4001), MessageRules.TextTooLong },
    };

    [Theory]
    [MemberData(nameof(HostileForms))]
    public async Task A_refused_message_gets_its_french_reason_next_to_the_field_and_nothing_is_written(string kind, string text, string message)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        await parent.GetPageAsync("/messages/ecrire");
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var response = await PostAsync(parent, "/messages/ecrire",
            new Dictionary<string, string> { ["Subject"] = kind == "unknown-subject" ? "PIRATE" : Subject, ["Text"] = text },
            kind == "zip-file" ? ([0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("word/document.xml")], "lettre.pdf", "application/pdf") : null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var field = kind switch { "unknown-subject" => "Subject", "zip-file" => "Upload", _ => "Text" };
        Assert.Equal(message, PageClient.ErrorOf(page, field));
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(DatabaseFingerprint.Differences(before, after).Length == 0, DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task The_account_data_export_holds_the_familys_messages_but_no_internal_note()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);

        var json = await (await parent.Http.GetAsync("/mon-compte/Export")).Content.ReadAsStringAsync();

        using var export = System.Text.Json.JsonDocument.Parse(json);
        var thread = Assert.Single(export.RootElement.GetProperty("messagerie").EnumerateArray());
        Assert.Equal(Subject, thread.GetProperty("sujet").GetString());
        Assert.Equal(["Question de la famille", "Réponse de la mairie"], thread.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("texte").GetString()));
        Assert.Equal("reponse.pdf", thread.GetProperty("messages")[1].GetProperty("pieceJointe").GetProperty("fichier").GetString());
        Assert.DoesNotContain(MessageRows.InternalNoteText, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Claire", json, StringComparison.Ordinal);
    }
}
